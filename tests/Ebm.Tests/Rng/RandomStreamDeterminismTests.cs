using Ebm.Rng;
using FsCheck;
using FsCheck.Xunit;

namespace Ebm.Tests.Rng;

/// <summary>
/// A draw is a pure function of (seed, stream, step, unit): fills equal the scalar draws bit for bit whatever
/// the offset, the chunking, the order of the chunks or the threads doing them.
/// </summary>
public class RandomStreamDeterminismTests
{
    private static readonly RandomStream Stream = new(0x5EED_0001_2345_6789UL, 42, 1000);

    [Theory]
    [InlineData(0u, 1001)]
    [InlineData(3u, 1001)]
    [InlineData(5u, 2500)] // more than one stack chunk, odd start
    [InlineData(1u, 1)]
    [InlineData(2u, 0)]
    public void FillsEqualScalarDraws(uint first, int n)
    {
        Draws fill = Draws.Fill(Stream, first, n);
        Draws scalar = Draws.Scalar(Stream, first, n);
        fill.AssertBitwiseEqual(scalar);
    }

    [Fact]
    public void ChunksFilledInAnyOrderEqualOneFill()
    {
        const int N = 20_000;
        Draws whole = Draws.Fill(Stream, 0, N);
        var chunked = new Draws(N);
        var rng = new Random(7);
        var chunks = new List<(int Start, int Length)>();
        for (int start = 0; start < N;)
        {
            int length = Math.Min(N - start, rng.Next(1, 3000));
            chunks.Add((start, length));
            start += length;
        }
        foreach ((int start, int length) in chunks.OrderBy(_ => rng.Next()))
            chunked.FillSlice(Stream, start, length);
        chunked.AssertBitwiseEqual(whole);
    }

    [Fact]
    public void ParallelFillsAndParallelScalarDrawsEqualASequentialFill()
    {
        const int N = 40_000, Chunk = 997;
        Draws sequential = Draws.Fill(Stream, 0, N);
        var parallel = new Draws(N);
        Parallel.For(0, (N + Chunk - 1) / Chunk, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            c => parallel.FillSlice(Stream, c * Chunk, Math.Min(Chunk, N - c * Chunk)));
        parallel.AssertBitwiseEqual(sequential);

        var perUnit = new Draws(N);
        Parallel.For(0, N, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => perUnit.SetScalar(Stream, i, (uint)i));
        perUnit.AssertBitwiseEqual(sequential);
    }

    [Property(MaxTest = 300)]
    public void FillAgreesWithScalarAtAnyCounter(DoNotSize<ulong> seed, DoNotSize<uint> stream, DoNotSize<ulong> step,
        DoNotSize<uint> unit, byte length)
    {
        // Start anywhere the whole span still fits below 2^32.
        uint first = (uint)Math.Min(unit.Item, (1UL << 32) - length);
        var s = new RandomStream(seed.Item, stream.Item, step.Item);
        Draws.Fill(s, first, length).AssertBitwiseEqual(Draws.Scalar(s, first, length));
    }

    [Theory]
    [InlineData(ulong.MaxValue, uint.MaxValue, ulong.MaxValue)]
    [InlineData(0UL, 0u, 0UL)]
    [InlineData(0UL, uint.MaxValue, ulong.MaxValue)]
    public void TheLastUnitsOfExtremeCountersGiveValidDraws(ulong seed, uint streamId, ulong step)
    {
        var s = new RandomStream(seed, streamId, step);
        const int N = 64;
        uint first = uint.MaxValue - (N - 1);
        Draws fill = Draws.Fill(s, first, N);
        fill.AssertBitwiseEqual(Draws.Scalar(s, first, N));
        for (int i = 0; i < N; i++)
        {
            Assert.True(fill.Uniform[i] > 0f && fill.Uniform[i] <= 1f);
            Assert.True(fill.UniformDouble[i] > 0.0 && fill.UniformDouble[i] <= 1.0);
            Assert.True(float.IsFinite(fill.Normal[i]) && double.IsFinite(fill.NormalDouble[i]));
        }
    }

    [Fact]
    public void FillsPastTheLastUnitOrWithMismatchedLengthsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Stream.FillUniform(new float[2], uint.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Stream.FillNormal(new double[2], uint.MaxValue));
        Stream.FillUniform(new float[1], uint.MaxValue); // the very last unit is fine
        Assert.Throws<ArgumentException>(() => Stream.FillBernoulli(new float[3], new float[2]));
        Assert.Throws<ArgumentException>(() => Stream.FillBernoulliLogit(new float[2], new float[3]));
    }

    [Fact]
    public void DifferentStepsStreamsAndSeedsGiveDifferentDraws()
    {
        uint b = Stream.Bits(17);
        Assert.NotEqual(b, Stream.AtStep(1001).Bits(17));
        Assert.NotEqual(b, (Stream with { StreamId = 43 }).Bits(17));
        Assert.NotEqual(b, (Stream with { Seed = Stream.Seed + 1 }).Bits(17));
        Assert.NotEqual(b, Stream.Bits(18));
        Assert.Equal(b, new RandomStream(Stream.Seed, Stream.StreamId, Stream.Step).Bits(17));
    }

    /// <summary>Every kind of draw for units first … first + n − 1, side by side.</summary>
    private sealed class Draws(int n)
    {
        public readonly uint[] Bits = new uint[n];
        public readonly float[] Uniform = new float[n];
        public readonly double[] UniformDouble = new double[n];
        public readonly float[] Normal = new float[n];
        public readonly double[] NormalDouble = new double[n];
        public readonly float[] Bernoulli = new float[n];
        public readonly float[] BernoulliLogit = new float[n];
        private readonly float[] _probabilities = Probabilities(n);
        private readonly float[] _logits = Logits(n);

        public static Draws Fill(RandomStream s, uint first, int n)
        {
            var d = new Draws(n);
            s.FillBits(d.Bits, first);
            s.FillUniform(d.Uniform, first);
            s.FillUniform(d.UniformDouble, first);
            s.FillNormal(d.Normal, first);
            s.FillNormal(d.NormalDouble, first);
            s.FillBernoulli(d._probabilities, d.Bernoulli, first);
            s.FillBernoulliLogit(d._logits, d.BernoulliLogit, first);
            return d;
        }

        public static Draws Scalar(RandomStream s, uint first, int n)
        {
            var d = new Draws(n);
            for (int i = 0; i < n; i++)
                d.SetScalar(s, i, first + (uint)i);
            return d;
        }

        /// <summary>Fills elements start … start + length − 1 as units start … (slices of one big fill).</summary>
        public void FillSlice(RandomStream s, int start, int length)
        {
            uint unit = (uint)start;
            s.FillBits(Bits.AsSpan(start, length), unit);
            s.FillUniform(Uniform.AsSpan(start, length), unit);
            s.FillUniform(UniformDouble.AsSpan(start, length), unit);
            s.FillNormal(Normal.AsSpan(start, length), unit);
            s.FillNormal(NormalDouble.AsSpan(start, length), unit);
            s.FillBernoulli(_probabilities.AsSpan(start, length), Bernoulli.AsSpan(start, length), unit);
            s.FillBernoulliLogit(_logits.AsSpan(start, length), BernoulliLogit.AsSpan(start, length), unit);
        }

        public void SetScalar(RandomStream s, int i, uint unit)
        {
            Bits[i] = s.Bits(unit);
            Uniform[i] = s.Uniform(unit);
            UniformDouble[i] = s.UniformDouble(unit);
            Normal[i] = s.Normal(unit);
            NormalDouble[i] = s.NormalDouble(unit);
            Bernoulli[i] = s.Bernoulli(unit, _probabilities[i]) ? 1f : 0f;
            BernoulliLogit[i] = s.BernoulliLogit(unit, _logits[i]) ? 1f : 0f;
        }

        public void AssertBitwiseEqual(Draws expected)
        {
            Assert.Equal(expected.Bits, Bits);
            Assert.Equal(expected.Uniform.Select(BitConverter.SingleToUInt32Bits), Uniform.Select(BitConverter.SingleToUInt32Bits));
            Assert.Equal(expected.UniformDouble.Select(BitConverter.DoubleToUInt64Bits), UniformDouble.Select(BitConverter.DoubleToUInt64Bits));
            Assert.Equal(expected.Normal.Select(BitConverter.SingleToUInt32Bits), Normal.Select(BitConverter.SingleToUInt32Bits));
            Assert.Equal(expected.NormalDouble.Select(BitConverter.DoubleToUInt64Bits), NormalDouble.Select(BitConverter.DoubleToUInt64Bits));
            Assert.Equal(expected.Bernoulli, Bernoulli);
            Assert.Equal(expected.BernoulliLogit, BernoulliLogit);
        }

        // Element i's parameter depends on i only, so slices and scalar draws see the same parameters.
        private static float[] Probabilities(int n) => Enumerable.Range(0, n).Select(i => (i % 11) / 10f).ToArray();
        private static float[] Logits(int n) => Enumerable.Range(0, n).Select(i => (i % 13 - 6) * 0.7f).ToArray();
    }
}
