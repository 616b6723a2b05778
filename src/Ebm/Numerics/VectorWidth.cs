using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

/// <summary>The widest SIMD register a kernel may use; lowered by tests to exercise each path.</summary>
internal enum VectorWidth
{
    Scalar = 0,
    V128 = 128,
    V256 = 256,
    V512 = 512,
}

internal static class Simd
{
    /// <summary>What the hardware accelerates, widest first.</summary>
    public static VectorWidth Hardware { get; } =
        Vector512.IsHardwareAccelerated ? VectorWidth.V512 :
        Vector256.IsHardwareAccelerated ? VectorWidth.V256 :
        Vector128.IsHardwareAccelerated ? VectorWidth.V128 : VectorWidth.Scalar;

    // Thread-static so that a test forcing a narrower path cannot leak into tests running in parallel.
    [ThreadStatic] private static VectorWidth? s_override;

    /// <summary>The width kernels use on this thread: the hardware's unless a test narrowed it.</summary>
    public static VectorWidth Width => s_override is { } w && w < Hardware ? w : Hardware;

    /// <summary>Narrows the vector width on this thread until the returned scope is disposed.</summary>
    public static Scope Force(VectorWidth width) => new(width);

    public readonly struct Scope : IDisposable
    {
        private readonly VectorWidth? _previous;

        public Scope(VectorWidth width)
        {
            _previous = s_override;
            s_override = width;
        }

        public void Dispose() => s_override = _previous;
    }
}
