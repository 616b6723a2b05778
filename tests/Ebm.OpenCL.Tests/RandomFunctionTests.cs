using Ebm.OpenCL;
using Ebm.OpenCL.Kernels;
using Ebm.Rng;
using Xunit.Abstractions;

namespace Ebm.OpenCL.Tests;

/// <summary>
/// The OpenCL C functions of <see cref="RandomFunctions"/>, prepended to test kernels as generated kernels will
/// use them, against the CPU's <see cref="Philox4x32"/> and <see cref="RandomStream"/> for many
/// (seed, stream, step, unit), extremes included.
/// </summary>
public class RandomFunctionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Tolerance for normals, in ulps of the result: OpenCL allows log 3, sin and cos 4 ulps, and r·cos θ compounds
    /// them with sqrt and two roundings, so 8 covers a conforming device while catching a wrong formula (which is off
    /// by far more). specs/rng.md states it as a relative 10⁻⁶ for float, 10⁻¹⁴ for double; 8 ulps is inside both.
    /// </summary>
    internal const long NormalUlps = 8;

    private const string Kernels = RandomFunctions.Source + """
        __kernel void philox(__global const uint* in, __global uint4* out)
        {
            size_t i = get_global_id(0);
            __global const uint* v = in + 6 * i;
            out[i] = ebm_philox4x32_10((uint4)(v[0], v[1], v[2], v[3]), (uint2)(v[4], v[5]));
        }

        __kernel void draws(__global const ulong* seed, __global const uint* stream, __global const ulong* step,
                            __global const uint* unit, __global const float* p, __global const float* logit,
                            __global uint* bits, __global float* uniform, __global float* normal,
                            __global int* bernoulli, __global int* bernoulli_logit)
        {
            size_t i = get_global_id(0);
            bits[i] = ebm_rng_bits(seed[i], stream[i], step[i], unit[i]);
            uniform[i] = ebm_rng_uniform(seed[i], stream[i], step[i], unit[i]);
            normal[i] = ebm_rng_normal(seed[i], stream[i], step[i], unit[i]);
            bernoulli[i] = ebm_rng_bernoulli(seed[i], stream[i], step[i], unit[i], p[i]);
            bernoulli_logit[i] = ebm_rng_bernoulli_logit(seed[i], stream[i], step[i], unit[i], logit[i]);
        }

        #ifdef cl_khr_fp64
        __kernel void draws_double(__global const ulong* seed, __global const uint* stream, __global const ulong* step,
                                   __global const uint* unit, __global double* uniform, __global double* normal)
        {
            size_t i = get_global_id(0);
            uniform[i] = ebm_rng_uniform_double(seed[i], stream[i], step[i], unit[i]);
            normal[i] = ebm_rng_normal_double(seed[i], stream[i], step[i], unit[i]);
        }
        #endif
        """;

    // Random123 kat_vectors, philox4x32 10: counter[0..3], key[0..1], result[0..3].
    private static readonly uint[][] KnownAnswers =
    [
        [0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8],
        [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
        [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
    ];

    private static readonly ulong[] SpecialSeeds = [0, 1, 42, 0xFFFF_FFFF, 1UL << 32, 1UL << 63, ulong.MaxValue];
    private static readonly uint[] SpecialStreams = [0, 1, 7, 0x7FFF_FFFF, 0x8000_0000, uint.MaxValue];
    private static readonly ulong[] SpecialSteps = [0, 1, 1000, 0xFFFF_FFFF, 1UL << 32, (1UL << 32) + 1, long.MaxValue, ulong.MaxValue];
    // Block boundaries where a signed or 32-bit-overflowing index would go wrong: 2^30 units (2^28 blocks),
    // 2^31 (the sign bit), and the last units of the 2^32 range, whose block is 2^30 − 1 (2^31 − 1 for doubles).
    private static readonly uint[] SpecialUnits =
        [0, 1, 2, 3, 4, 5, 0x3FFF_FFFF, 0x4000_0000, 0x7FFF_FFFE, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, 0xFFFF_FFFC, 0xFFFF_FFFD, 0xFFFF_FFFE, 0xFFFF_FFFF];

    [SkippableFact]
    public void Philox_matches_the_Random123_known_answers()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        using OpenClBuffer<uint> input = context.Upload<uint>(KnownAnswers.SelectMany(v => v[..6]).ToArray());
        using OpenClBuffer<uint> result = context.Allocate<uint>(4 * KnownAnswers.Length);
        using OpenClKernel kernel = context.Build(Kernels).CreateKernel("philox");
        kernel.SetBuffer(0, input);
        kernel.SetBuffer(1, result);
        kernel.Launch(KnownAnswers.Length);

        uint[] words = result.ToArray();
        for (int i = 0; i < KnownAnswers.Length; i++)
        {
            uint[] v = KnownAnswers[i];
            Assert.Equal(v[6..], words[(4 * i)..(4 * i + 4)]);
            Philox4x32Block cpu = Philox4x32.Compute(new Philox4x32Key(v[4], v[5]), new Philox4x32Block(v[0], v[1], v[2], v[3]));
            Assert.Equal([cpu.W0, cpu.W1, cpu.W2, cpu.W3], words[(4 * i)..(4 * i + 4)]);
        }
    }

    [SkippableFact]
    public void Draws_of_single_units_match_the_cpu_for_many_keys_counters_and_units()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        Tuples t = Tuples.Make(4096, new Random(4));
        int n = t.Units.Length;
        var random = new Random(5);
        var cpuStreams = Enumerable.Range(0, n).Select(i => new RandomStream(t.Seeds[i], t.Streams[i], t.Steps[i])).ToArray();
        // Every fourth probability is the unit's own uniform, where u ≤ p must hold (and u < p would not).
        float[] p = Enumerable.Range(0, n).Select(i => i % 4 == 0 ? cpuStreams[i].Uniform(t.Units[i]) : random.NextSingle()).ToArray();
        float[] logit = Enumerable.Range(0, n).Select(i => (float)(random.NextDouble() * 16 - 8)).ToArray();

        using OpenClBuffer<ulong> seeds = context.Upload<ulong>(t.Seeds);
        using OpenClBuffer<uint> streams = context.Upload<uint>(t.Streams);
        using OpenClBuffer<ulong> steps = context.Upload<ulong>(t.Steps);
        using OpenClBuffer<uint> units = context.Upload<uint>(t.Units);
        using OpenClBuffer<float> pBuffer = context.Upload<float>(p);
        using OpenClBuffer<float> logitBuffer = context.Upload<float>(logit);
        using OpenClBuffer<uint> bits = context.Allocate<uint>(n);
        using OpenClBuffer<float> uniform = context.Allocate<float>(n);
        using OpenClBuffer<float> normal = context.Allocate<float>(n);
        using OpenClBuffer<int> bernoulli = context.Allocate<int>(n);
        using OpenClBuffer<int> bernoulliLogit = context.Allocate<int>(n);
        using OpenClKernel kernel = context.Build(Kernels).CreateKernel("draws");
        int a = 0;
        foreach (var b in new object[] { seeds, streams, steps, units, pBuffer, logitBuffer, bits, uniform, normal, bernoulli, bernoulliLogit })
            SetBuffer(kernel, a++, b);
        kernel.Launch(n);

        uint[] gpuBits = bits.ToArray();
        float[] gpuUniform = uniform.ToArray(), gpuNormal = normal.ToArray();
        int[] gpuBernoulli = bernoulli.ToArray(), gpuLogit = bernoulliLogit.ToArray();
        long worst = 0;
        int undecided = 0;
        for (int i = 0; i < n; i++)
        {
            RandomStream s = cpuStreams[i];
            uint u = t.Units[i];
            string at = $"(seed {s.Seed:x}, stream {s.StreamId:x}, step {s.Step:x}, unit {u:x})";
            Assert.True(s.Bits(u) == gpuBits[i], $"bits {at}");
            Assert.True(BitConverter.SingleToUInt32Bits(s.Uniform(u)) == BitConverter.SingleToUInt32Bits(gpuUniform[i]), $"uniform {at}");
            Assert.True(s.Bernoulli(u, p[i]) == (gpuBernoulli[i] != 0), $"bernoulli p={p[i]:R} {at}");
            if (LogitDrawIsDecidable(s.Uniform(u), logit[i]))
                Assert.True(s.BernoulliLogit(u, logit[i]) == (gpuLogit[i] != 0), $"bernoulli logit {logit[i]:R} {at}");
            else
                undecided++;
            long ulps = Ulps.Distance(s.Normal(u), gpuNormal[i]);
            worst = Math.Max(worst, ulps);
            Assert.True(ulps <= NormalUlps, $"normal {at}: cpu {s.Normal(u):R}, OpenCL {gpuNormal[i]:R}, {ulps} ulps");
        }
        output.WriteLine($"{n} tuples; float normals differ by at most {worst} ulps; {undecided} logit draws too close to call");
        Assert.True(undecided < n / 100, $"{undecided} of {n} logit draws were too close to call");
    }

    [SkippableFact]
    public void Double_draws_of_single_units_match_the_cpu()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        Skip.IfNot(context.SupportsDouble, $"{context.Device.DisplayName} has no double precision");
        Tuples t = Tuples.Make(2048, new Random(6));
        int n = t.Units.Length;
        using OpenClBuffer<ulong> seeds = context.Upload<ulong>(t.Seeds);
        using OpenClBuffer<uint> streams = context.Upload<uint>(t.Streams);
        using OpenClBuffer<ulong> steps = context.Upload<ulong>(t.Steps);
        using OpenClBuffer<uint> units = context.Upload<uint>(t.Units);
        using OpenClBuffer<double> uniform = context.Allocate<double>(n);
        using OpenClBuffer<double> normal = context.Allocate<double>(n);
        using OpenClKernel kernel = context.Build(Kernels).CreateKernel("draws_double");
        int a = 0;
        foreach (var b in new object[] { seeds, streams, steps, units, uniform, normal })
            SetBuffer(kernel, a++, b);
        kernel.Launch(n);

        double[] gpuUniform = uniform.ToArray(), gpuNormal = normal.ToArray();
        long worst = 0;
        for (int i = 0; i < n; i++)
        {
            var s = new RandomStream(t.Seeds[i], t.Streams[i], t.Steps[i]);
            uint u = t.Units[i];
            string at = $"(seed {s.Seed:x}, stream {s.StreamId:x}, step {s.Step:x}, unit {u:x})";
            Assert.True(BitConverter.DoubleToUInt64Bits(s.UniformDouble(u)) == BitConverter.DoubleToUInt64Bits(gpuUniform[i]), $"uniform double {at}");
            long ulps = Ulps.Distance(s.NormalDouble(u), gpuNormal[i]);
            worst = Math.Max(worst, ulps);
            Assert.True(ulps <= NormalUlps, $"normal double {at}: cpu {s.NormalDouble(u):R}, OpenCL {gpuNormal[i]:R}, {ulps} ulps");
        }
        output.WriteLine($"{n} tuples; double normals differ by at most {worst} ulps");
    }

    /// <summary>
    /// Whether a logit draw must agree across implementations: σ(l) uses exp and a division, which differ by a few
    /// ulps between math libraries, so a u within 16 ulps of the CPU's σ could go either way (probability ~10⁻⁶).
    /// </summary>
    internal static bool LogitDrawIsDecidable(float u, float logit)
    {
        float sigma = 1f / (1f + MathF.Exp(-logit));
        return float.IsNaN(sigma) || Ulps.Distance(u, sigma) > 16;
    }

    private static void SetBuffer(OpenClKernel kernel, int index, object buffer)
    {
        switch (buffer)
        {
            case OpenClBuffer<ulong> b: kernel.SetBuffer(index, b); break;
            case OpenClBuffer<uint> b: kernel.SetBuffer(index, b); break;
            case OpenClBuffer<int> b: kernel.SetBuffer(index, b); break;
            case OpenClBuffer<float> b: kernel.SetBuffer(index, b); break;
            case OpenClBuffer<double> b: kernel.SetBuffer(index, b); break;
            default: throw new ArgumentException(buffer.GetType().Name);
        }
    }

    /// <summary>(seed, stream, step, unit) tuples, each part an extreme value half of the time and random otherwise.</summary>
    private sealed record Tuples(ulong[] Seeds, uint[] Streams, ulong[] Steps, uint[] Units)
    {
        public static Tuples Make(int n, Random random)
        {
            T Pick<T>(T[] special, Func<T> any) => random.Next(2) == 0 ? special[random.Next(special.Length)] : any();
            ulong AnyULong() => (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            uint AnyUInt() => (uint)random.NextInt64(0, 1L << 32);
            var seeds = new ulong[n];
            var streams = new uint[n];
            var steps = new ulong[n];
            var units = new uint[n];
            for (int i = 0; i < n; i++)
            {
                seeds[i] = Pick(SpecialSeeds, AnyULong);
                streams[i] = Pick(SpecialStreams, AnyUInt);
                steps[i] = Pick(SpecialSteps, AnyULong);
                units[i] = Pick(SpecialUnits, AnyUInt);
            }
            return new Tuples(seeds, streams, steps, units);
        }
    }
}
