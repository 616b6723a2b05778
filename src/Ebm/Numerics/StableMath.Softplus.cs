using System.Numerics;
using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>softplus(x) = log(1 + eˣ), computed as max(x, 0) + log1p(e^−|x|) so it neither overflows for large x nor rounds to 0 for very negative x.</summary>
    public static float Softplus(float x) => default(SoftplusOperator<float>).Invoke(x);

    /// <inheritdoc cref="Softplus(float)"/>
    public static double Softplus(double x) => default(SoftplusOperator<double>).Invoke(x);

    /// <summary>destination[i] = softplus(x[i]). The spans may be the same span.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Softplus(ReadOnlySpan<float> x, Span<float> destination) => Elementwise(x, destination, default(SoftplusOperator<float>));

    /// <inheritdoc cref="Softplus(ReadOnlySpan{float}, Span{float})"/>
    public static void Softplus(ReadOnlySpan<double> x, Span<double> destination) => Elementwise(x, destination, default(SoftplusOperator<double>));
}

internal readonly struct SoftplusOperator<T> : IUnaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => T.Max(x, T.Zero) + VectorMath.Log1p(T.Exp(-T.Abs(x)));
    public Vector128<T> Invoke(Vector128<T> x) => Vector128.Max(x, Vector128<T>.Zero) + VectorMath.Log1p(VectorMath.Exp(-Vector128.Abs(x)));
    public Vector256<T> Invoke(Vector256<T> x) => Vector256.Max(x, Vector256<T>.Zero) + VectorMath.Log1p(VectorMath.Exp(-Vector256.Abs(x)));
    public Vector512<T> Invoke(Vector512<T> x) => Vector512.Max(x, Vector512<T>.Zero) + VectorMath.Log1p(VectorMath.Exp(-Vector512.Abs(x)));
}
