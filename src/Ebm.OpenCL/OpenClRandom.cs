using Ebm.OpenCL.Kernels;
using Ebm.Rng;

namespace Ebm.OpenCL;

/// <summary>
/// Fills device buffers with the draws of <see cref="RandomStream"/>: element j receives the draw of unit
/// <c>firstUnit + j</c> of the stream, exactly as the CPU's <c>RandomStream.FillX</c> (bit for bit for words,
/// uniforms and Bernoulli(p); to a few ulps for normals and logit-Bernoulli, see <c>specs/rng.md</c>).
/// </summary>
/// <remarks>
/// The fills are enqueued, not awaited: the context's queue is in order, so a later read or kernel sees them.
/// The program is built once per context (<see cref="OpenClContext.Build(string)"/> caches it).
/// </remarks>
public static class OpenClRandom
{
    /// <summary>Writes <see cref="RandomStream.Bits"/>(firstUnit + j) to element j.</summary>
    /// <param name="destination">Receives the words.</param>
    /// <param name="stream">The (seed, stream, step).</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public static void FillBits(OpenClBuffer<uint> destination, RandomStream stream, uint firstUnit = 0) =>
        Fill(RandomFillKernels.Bits, null, destination, stream, firstUnit, 4);

    /// <summary>Writes <see cref="RandomStream.Uniform"/>(firstUnit + j), a float in (0, 1], to element j.</summary>
    /// <param name="destination">Receives the uniforms.</param>
    /// <param name="stream">The (seed, stream, step).</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public static void FillUniform(OpenClBuffer<float> destination, RandomStream stream, uint firstUnit = 0) =>
        Fill(RandomFillKernels.Uniform, null, destination, stream, firstUnit, 4);

    /// <summary>Writes <see cref="RandomStream.UniformDouble"/>(firstUnit + j), a double in (0, 1] with 53 random bits, to element j.</summary>
    /// <param name="destination">Receives the uniforms.</param>
    /// <param name="stream">The (seed, stream, step).</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    /// <exception cref="NotSupportedException">The device has no double precision.</exception>
    public static void FillUniformDouble(OpenClBuffer<double> destination, RandomStream stream, uint firstUnit = 0) =>
        Fill(RandomFillKernels.UniformDouble, null, destination, stream, firstUnit, 2);

    /// <summary>Writes <see cref="RandomStream.Normal"/>(firstUnit + j), a standard normal float, to element j.</summary>
    /// <param name="destination">Receives the normals.</param>
    /// <param name="stream">The (seed, stream, step).</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public static void FillNormal(OpenClBuffer<float> destination, RandomStream stream, uint firstUnit = 0) =>
        Fill(RandomFillKernels.Normal, null, destination, stream, firstUnit, 4);

    /// <summary>Writes <see cref="RandomStream.NormalDouble"/>(firstUnit + j), a standard normal double, to element j.</summary>
    /// <param name="destination">Receives the normals.</param>
    /// <param name="stream">The (seed, stream, step).</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    /// <exception cref="NotSupportedException">The device has no double precision.</exception>
    public static void FillNormalDouble(OpenClBuffer<double> destination, RandomStream stream, uint firstUnit = 0) =>
        Fill(RandomFillKernels.NormalDouble, null, destination, stream, firstUnit, 2);

    /// <summary>Writes 1 or 0 for <see cref="RandomStream.Bernoulli"/>(firstUnit + j, probabilities[j]) to element j.</summary>
    /// <param name="probabilities">P(1) of each element.</param>
    /// <param name="result">Receives 1f or 0f; same length as <paramref name="probabilities"/>.</param>
    /// <param name="stream">The (seed, stream, step).</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public static void FillBernoulli(OpenClBuffer<float> probabilities, OpenClBuffer<float> result, RandomStream stream, uint firstUnit = 0) =>
        Fill(RandomFillKernels.Bernoulli, probabilities, result, stream, firstUnit, 4);

    /// <summary>Writes 1 or 0 for <see cref="RandomStream.BernoulliLogit"/>(firstUnit + j, logits[j]) to element j.</summary>
    /// <param name="logits">log(p / (1 − p)) of each element.</param>
    /// <param name="result">Receives 1f or 0f; same length as <paramref name="logits"/>.</param>
    /// <param name="stream">The (seed, stream, step).</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public static void FillBernoulliLogit(OpenClBuffer<float> logits, OpenClBuffer<float> result, RandomStream stream, uint firstUnit = 0) =>
        Fill(RandomFillKernels.BernoulliLogit, logits, result, stream, firstUnit, 4);

    private static void Fill<T>(string kernelName, OpenClBuffer<float>? input, OpenClBuffer<T> destination, RandomStream stream, uint firstUnit, int unitsPerBlock)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(destination);
        OpenClContext context = destination.Context;
        int n = destination.Length;
        if ((ulong)firstUnit + (ulong)n > 1UL << 32)
            throw new ArgumentOutOfRangeException(nameof(firstUnit), firstUnit,
                $"Units {firstUnit} + {n} run past 2^32, the unit range of one (seed, stream, step).");
        if (input is not null && input.Length != n)
            throw new ArgumentException($"The result has length {n} but the input has {input.Length}.", nameof(destination));
        if (unitsPerBlock == 2 && !context.SupportsDouble)
            throw new NotSupportedException($"{context.Device.DisplayName} has no double precision (cl_khr_fp64); use the single-precision draws.");

        // One work-item per block the units touch: from the block of the first unit to that of the last.
        ulong shift = unitsPerBlock == 4 ? 2UL : 1UL;
        ulong last = (ulong)firstUnit + (ulong)n - 1;
        long blocks = (long)((last >> (int)shift) - ((ulong)firstUnit >> (int)shift) + 1);

        using OpenClKernel kernel = context.Build(RandomFillKernels.Source).CreateKernel(kernelName);
        int a = 0;
        if (input is not null)
            kernel.SetBuffer(a++, input);
        kernel.SetBuffer(a++, destination);
        kernel.SetUInt(a++, (uint)n);
        kernel.SetULong(a++, stream.Seed);
        kernel.SetUInt(a++, stream.StreamId);
        kernel.SetULong(a++, stream.Step);
        kernel.SetUInt(a, firstUnit);
        kernel.Enqueue(blocks);
    }
}
