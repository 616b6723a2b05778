using Ebm.OpenCL;
using Ebm.Rng;
using Xunit.Abstractions;

namespace Ebm.OpenCL.Tests;

/// <summary>
/// <see cref="OpenClRandom"/> fills against the CPU's <c>RandomStream.FillX</c> over unit ranges that start and
/// end inside a block, cross 2³⁰ and 2³¹, and end at the last unit 2³² − 1; plus the reference values of
/// specs/rng.md §5.
/// </summary>
public class RandomFillTests(ITestOutputHelper output)
{
    private static readonly RandomStream[] Streams =
    [
        new(42, 7, 1000),
        new(ulong.MaxValue, uint.MaxValue, ulong.MaxValue),
        new(0x0123_4567_89AB_CDEF, 0x8000_0000, (1UL << 32) | 5),
    ];

    // (first unit, count)
    private static readonly (uint First, int Count)[] Ranges =
    [
        (0, 4099), (1, 1000), (2, 7), (3, 1), (5, 2),
        (0x3FFF_FFFD, 8), (0x7FFF_FFFE, 9), (uint.MaxValue - 4098, 4099), (uint.MaxValue, 1),
    ];

    public static TheoryData<int> StreamIndices() => [0, 1, 2];

    [SkippableTheory]
    [MemberData(nameof(StreamIndices))]
    public void Words_and_float_uniforms_are_bit_exact(int streamIndex)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        RandomStream stream = Streams[streamIndex];
        foreach ((uint first, int count) in Ranges)
        {
            using OpenClBuffer<uint> bits = context.Allocate<uint>(count);
            OpenClRandom.FillBits(bits, stream, first);
            var expected = new uint[count];
            stream.FillBits(expected, first);
            Assert.Equal(expected, bits.ToArray());

            using OpenClBuffer<float> uniform = context.Allocate<float>(count);
            OpenClRandom.FillUniform(uniform, stream, first);
            var expectedUniform = new float[count];
            stream.FillUniform(expectedUniform, first);
            Assert.Equal(expectedUniform.Select(BitConverter.SingleToUInt32Bits), uniform.ToArray().Select(BitConverter.SingleToUInt32Bits));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(StreamIndices))]
    public void Double_uniforms_are_bit_exact(int streamIndex)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        Skip.IfNot(context.SupportsDouble, $"{context.Device.DisplayName} has no double precision");
        RandomStream stream = Streams[streamIndex];
        foreach ((uint first, int count) in Ranges)
        {
            using OpenClBuffer<double> uniform = context.Allocate<double>(count);
            OpenClRandom.FillUniformDouble(uniform, stream, first);
            var expected = new double[count];
            stream.FillUniform(expected, first);
            Assert.Equal(expected.Select(BitConverter.DoubleToUInt64Bits), uniform.ToArray().Select(BitConverter.DoubleToUInt64Bits));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(StreamIndices))]
    public void Normals_agree_within_the_stated_ulps(int streamIndex)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        RandomStream stream = Streams[streamIndex];
        long worst = 0, worstDouble = 0;
        foreach ((uint first, int count) in Ranges)
        {
            using OpenClBuffer<float> normal = context.Allocate<float>(count);
            OpenClRandom.FillNormal(normal, stream, first);
            var expected = new float[count];
            stream.FillNormal(expected, first);
            float[] actual = normal.ToArray();
            for (int j = 0; j < count; j++)
            {
                long ulps = Ulps.Distance(expected[j], actual[j]);
                worst = Math.Max(worst, ulps);
                Assert.True(ulps <= RandomFunctionTests.NormalUlps, $"unit {first + (uint)j}: cpu {expected[j]:R}, OpenCL {actual[j]:R}");
            }

            if (!context.SupportsDouble)
                continue;
            using OpenClBuffer<double> normalDouble = context.Allocate<double>(count);
            OpenClRandom.FillNormalDouble(normalDouble, stream, first);
            var expectedDouble = new double[count];
            stream.FillNormal(expectedDouble, first);
            double[] actualDouble = normalDouble.ToArray();
            for (int j = 0; j < count; j++)
            {
                long ulps = Ulps.Distance(expectedDouble[j], actualDouble[j]);
                worstDouble = Math.Max(worstDouble, ulps);
                Assert.True(ulps <= RandomFunctionTests.NormalUlps, $"unit {first + (uint)j}: cpu {expectedDouble[j]:R}, OpenCL {actualDouble[j]:R}");
            }
        }
        output.WriteLine($"normals differ by at most {worst} ulps (float), {worstDouble} ulps (double)");
    }

    [SkippableTheory]
    [MemberData(nameof(StreamIndices))]
    public void Bernoulli_draws_are_bit_exact_and_logit_draws_agree_wherever_decidable(int streamIndex)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        RandomStream stream = Streams[streamIndex];
        var random = new Random(streamIndex);
        float[] edges = [0f, 1f, -1f, 2f, 0.5f, float.NaN, UniformConversion.SingleStep, 1f - UniformConversion.SingleStep];
        float[] logitEdges = [0f, 100f, -100f, 88f, -88f, 89f, -89f, float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        foreach ((uint first, int count) in Ranges)
        {
            var uniforms = new float[count];
            stream.FillUniform(uniforms, first);
            // Thirds: edge probabilities, the unit's own u (u ≤ p must hold) or the float just below it (must not), random.
            float[] p = Enumerable.Range(0, count).Select(j => (j % 3) switch
            {
                0 => edges[j / 3 % edges.Length],
                1 => j % 2 == 0 ? uniforms[j] : MathF.BitDecrement(uniforms[j]),
                _ => random.NextSingle(),
            }).ToArray();
            float[] logits = Enumerable.Range(0, count).Select(j => j % 5 == 0 ? logitEdges[j / 5 % logitEdges.Length] : (float)(random.NextDouble() * 20 - 10)).ToArray();

            using OpenClBuffer<float> pBuffer = context.Upload<float>(p);
            using OpenClBuffer<float> draws = context.Allocate<float>(count);
            OpenClRandom.FillBernoulli(pBuffer, draws, stream, first);
            var expected = new float[count];
            stream.FillBernoulli(p, expected, first);
            Assert.Equal(expected, draws.ToArray());

            using OpenClBuffer<float> logitBuffer = context.Upload<float>(logits);
            OpenClRandom.FillBernoulliLogit(logitBuffer, draws, stream, first);
            stream.FillBernoulliLogit(logits, expected, first);
            float[] actual = draws.ToArray();
            for (int j = 0; j < count; j++)
                if (RandomFunctionTests.LogitDrawIsDecidable(uniforms[j], logits[j]))
                    Assert.True(expected[j] == actual[j], $"unit {first + (uint)j}, logit {logits[j]:R}: cpu {expected[j]}, OpenCL {actual[j]}");
        }
    }

    [SkippableFact]
    public void The_reference_values_of_the_spec_come_out()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var stream = new RandomStream(42, 7, 1000);
        using OpenClBuffer<uint> bits = context.Allocate<uint>(4);
        OpenClRandom.FillBits(bits, stream);
        Assert.Equal([0x92024b08u, 0xdbd4e165u, 0x903b8db9u, 0x00a3e78eu], bits.ToArray());

        using OpenClBuffer<float> values = context.Allocate<float>(4);
        OpenClRandom.FillUniform(values, stream);
        Assert.Equal([0x3f12024cu, 0x3f5bd4e2u, 0x3f103b8eu, 0x3b23e800u], values.ToArray().Select(BitConverter.SingleToUInt32Bits));

        OpenClRandom.FillNormal(values, stream);
        float[] normals = values.ToArray();
        float[] expectedNormals = [0.668890953f, -0.821951032f, 1.071082f, 0.0168327056f];
        for (int i = 0; i < 4; i++)
            Assert.True(MathF.Abs(normals[i] - expectedNormals[i]) <= 1e-6f * MathF.Abs(expectedNormals[i]), $"normal {i}: {normals[i]:R}");

        using OpenClBuffer<float> half = context.Upload<float>([0.5f, 0.5f, 0.5f, 0.5f]);
        OpenClRandom.FillBernoulli(half, values, stream);
        Assert.Equal([0f, 0f, 0f, 1f], values.ToArray());
        using OpenClBuffer<float> logit = context.Upload<float>([0.3f, 0.3f, 0.3f, 0.3f]);
        OpenClRandom.FillBernoulliLogit(logit, values, stream);
        Assert.Equal([1f, 0f, 1f, 1f], values.ToArray());

        if (!context.SupportsDouble)
            return;
        using OpenClBuffer<double> doubles = context.Allocate<double>(4);
        OpenClRandom.FillUniformDouble(doubles, stream);
        Assert.Equal([0.57034749432442378, 0.56340871008113769, 0.65733401750312814, 0.65939159417670168], doubles.ToArray());
        OpenClRandom.FillNormalDouble(doubles, stream);
        double[] expectedDouble = [-0.97672763389488648, -0.41112292403950979, -0.49379085580164456, -0.77155464748167712];
        double[] actualDouble = doubles.ToArray();
        for (int i = 0; i < 4; i++)
            Assert.True(Math.Abs(actualDouble[i] - expectedDouble[i]) <= 1e-14 * Math.Abs(expectedDouble[i]), $"normal double {i}: {actualDouble[i]:R}");
    }

    [SkippableFact]
    public void Fills_refuse_units_past_two_to_the_32_and_mismatched_lengths()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        using OpenClBuffer<float> two = context.Allocate<float>(2);
        using OpenClBuffer<float> three = context.Allocate<float>(3);
        var stream = new RandomStream(1, 2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenClRandom.FillUniform(two, stream, uint.MaxValue));
        Assert.Throws<ArgumentException>(() => OpenClRandom.FillBernoulli(three, two, stream));
    }

    [SkippableFact]
    public void The_fill_program_is_built_once_per_context()
    {
        using OpenClContext context = OpenClRequirement.NewContext();
        using OpenClBuffer<float> values = context.Allocate<float>(8);
        OpenClRandom.FillUniform(values, new RandomStream(1, 2, 3));
        OpenClRandom.FillNormal(values, new RandomStream(1, 2, 4));
        Assert.Equal(1, context.ProgramsBuilt);
    }
}
