using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Ebm.LinearAlgebra;

/// <summary>The SIMD width a BLAS routine runs at; <see cref="Scalar"/> is the plain loop.</summary>
internal enum VectorWidth
{
    Scalar = 0,
    Bits128 = 128,
    Bits256 = 256,
    Bits512 = 512,
}

public static partial class Blas
{
    // Thread-static so that a test forcing one path cannot change the path of tests running beside it.
    // The path is chosen on the calling thread before any worker starts, so workers need not see it.
    [ThreadStatic]
    private static VectorWidth? t_widthLimit;

    /// <summary>The widest path this machine runs with a hardware fused multiply-add.</summary>
    internal static VectorWidth HardwareWidth { get; } = DetectWidth();

    /// <summary>Every path this machine can run, widest first, ending with <see cref="VectorWidth.Scalar"/>.</summary>
    internal static IReadOnlyList<VectorWidth> SupportedWidths { get; } =
        new[] { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Bits128, VectorWidth.Scalar }
            .Where(w => w <= HardwareWidth).ToArray();

    /// <summary>The path the calling thread uses now: the hardware's, or narrower while a limit is set.</summary>
    internal static VectorWidth CurrentWidth =>
        t_widthLimit is { } limit && limit < HardwareWidth ? limit : HardwareWidth;

    /// <summary>
    /// Caps the vector width on the calling thread until the returned scope is disposed, so tests can run
    /// every path on one machine and compare them.
    /// </summary>
    internal static WidthLimitScope LimitVectorWidth(VectorWidth limit)
    {
        var scope = new WidthLimitScope(t_widthLimit);
        t_widthLimit = limit;
        return scope;
    }

    internal readonly struct WidthLimitScope(VectorWidth? previous) : IDisposable
    {
        public void Dispose() => t_widthLimit = previous;
    }

    private static VectorWidth DetectWidth()
    {
        // Without a hardware fused multiply-add the vector FusedMultiplyAdd is emulated lane by lane,
        // slower than the scalar loop, so FMA support decides each width, not vector support alone.
        // Vector512.IsHardwareAccelerated is not consulted: .NET reports false on some Intel parts that lower
        // their clock under 512-bit load, a trade-off meant for mixed code. A GEMM kernel is nothing but FMAs,
        // the case where doubled width outweighs a lower clock (assumed: no such machine was measured).
        if (Avx512F.IsSupported)
            return VectorWidth.Bits512;
        if (Avx2.IsSupported && Fma.IsSupported)
            return VectorWidth.Bits256;
        if ((Fma.IsSupported || AdvSimd.IsSupported) && Vector128.IsHardwareAccelerated)
            return VectorWidth.Bits128;
        return VectorWidth.Scalar;
    }
}
