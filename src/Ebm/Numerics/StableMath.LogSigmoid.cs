using System.Numerics;
using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>log σ(x) = −softplus(−x), computed as min(x, 0) − log1p(e^−|x|); finite for every finite x.</summary>
    public static float LogSigmoid(float x) => default(LogSigmoidOperator<float>).Invoke(x);

    /// <inheritdoc cref="LogSigmoid(float)"/>
    public static double LogSigmoid(double x) => default(LogSigmoidOperator<double>).Invoke(x);

    /// <summary>destination[i] = log σ(x[i]). The spans may be the same span.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination) => Elementwise(x, destination, default(LogSigmoidOperator<float>));

    /// <inheritdoc cref="LogSigmoid(ReadOnlySpan{float}, Span{float})"/>
    public static void LogSigmoid(ReadOnlySpan<double> x, Span<double> destination) => Elementwise(x, destination, default(LogSigmoidOperator<double>));
}

internal readonly struct LogSigmoidOperator<T> : IUnaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => T.Min(x, T.Zero) - VectorMath.Log1p(T.Exp(-T.Abs(x)));
    public Vector128<T> Invoke(Vector128<T> x) => Vector128.Min(x, Vector128<T>.Zero) - VectorMath.Log1p(VectorMath.Exp(-Vector128.Abs(x)));
    public Vector256<T> Invoke(Vector256<T> x) => Vector256.Min(x, Vector256<T>.Zero) - VectorMath.Log1p(VectorMath.Exp(-Vector256.Abs(x)));
    public Vector512<T> Invoke(Vector512<T> x) => Vector512.Min(x, Vector512<T>.Zero) - VectorMath.Log1p(VectorMath.Exp(-Vector512.Abs(x)));
}
