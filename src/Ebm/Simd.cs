using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Ebm;

/// <summary>The widest SIMD register a kernel may use; <see cref="Scalar"/> is the plain loop.</summary>
internal enum VectorWidth
{
    Scalar = 0,
    Bits128 = 128,
    Bits256 = 256,
    Bits512 = 512,
}

/// <summary>
/// Which vector path each kernel family runs, and the one switch tests use to force a narrower one
/// so that every path can be compared with the scalar loop on one machine.
/// </summary>
internal static class Simd
{
    /// <summary>The widest width at which vector arithmetic is accelerated: the elementwise maps and sums.</summary>
    public static VectorWidth Hardware { get; } =
        Vector512.IsHardwareAccelerated ? VectorWidth.Bits512 :
        Vector256.IsHardwareAccelerated ? VectorWidth.Bits256 :
        Vector128.IsHardwareAccelerated ? VectorWidth.Bits128 : VectorWidth.Scalar;

    /// <summary>The widest width with a hardware fused multiply-add: the BLAS kernels.</summary>
    /// <remarks>
    /// Without a hardware FMA the vector FusedMultiplyAdd is emulated lane by lane, slower than the scalar
    /// loop, so FMA support decides each width. Vector512.IsHardwareAccelerated is not consulted: .NET
    /// reports false on some Intel parts that lower their clock under 512-bit load, a trade-off meant for
    /// mixed code; a GEMM kernel is nothing but FMAs, where doubled width outweighs a lower clock
    /// (assumed: no such machine was measured).
    /// </remarks>
    public static VectorWidth FusedMultiplyAddHardware { get; } =
        Avx512F.IsSupported ? VectorWidth.Bits512 :
        Avx2.IsSupported && Fma.IsSupported ? VectorWidth.Bits256 :
        (Fma.IsSupported || AdvSimd.IsSupported) && Vector128.IsHardwareAccelerated ? VectorWidth.Bits128 :
        VectorWidth.Scalar;

    // Thread-static so that a test forcing one path cannot change the path of tests running beside it.
    // Kernels choose their path on the calling thread before any worker starts, so workers need not see it.
    [ThreadStatic] private static VectorWidth? t_limit;

    /// <summary>The width the elementwise kernels use on this thread.</summary>
    public static VectorWidth Width => Capped(Hardware);

    /// <summary>The width the BLAS kernels use on this thread.</summary>
    public static VectorWidth FusedMultiplyAddWidth => Capped(FusedMultiplyAddHardware);

    /// <summary>Caps the vector width of every kernel family on this thread until the scope is disposed.</summary>
    public static Scope Force(VectorWidth limit)
    {
        var scope = new Scope(t_limit);
        t_limit = limit;
        return scope;
    }

    private static VectorWidth Capped(VectorWidth hardware) => t_limit is { } limit && limit < hardware ? limit : hardware;

    public readonly struct Scope(VectorWidth? previous) : IDisposable
    {
        public void Dispose() => t_limit = previous;
    }
}
