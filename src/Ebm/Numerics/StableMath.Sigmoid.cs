using System.Numerics;
using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>σ(x) = 1/(1 + e^−x), computed from t = e^−|x| as 1/(1+t) for x ≥ 0 and t/(1+t) below, so σ of a very negative x keeps its relative accuracy instead of losing it to 1 − σ(−x).</summary>
    public static float Sigmoid(float x) => default(SigmoidOperator<float>).Invoke(x);

    /// <inheritdoc cref="Sigmoid(float)"/>
    public static double Sigmoid(double x) => default(SigmoidOperator<double>).Invoke(x);

    /// <summary>destination[i] = σ(x[i]). The spans may be the same span.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination) => Elementwise(x, destination, default(SigmoidOperator<float>));

    /// <inheritdoc cref="Sigmoid(ReadOnlySpan{float}, Span{float})"/>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> destination) => Elementwise(x, destination, default(SigmoidOperator<double>));
}

internal readonly struct SigmoidOperator<T> : IUnaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x)
    {
        T t = T.Exp(-T.Abs(x));
        return (x >= T.Zero ? T.One : t) / (T.One + t);
    }

    public Vector128<T> Invoke(Vector128<T> x)
    {
        Vector128<T> t = VectorMath.Exp(-Vector128.Abs(x));
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<T>.Zero), Vector128<T>.One, t) / (Vector128<T>.One + t);
    }

    public Vector256<T> Invoke(Vector256<T> x)
    {
        Vector256<T> t = VectorMath.Exp(-Vector256.Abs(x));
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<T>.Zero), Vector256<T>.One, t) / (Vector256<T>.One + t);
    }

    public Vector512<T> Invoke(Vector512<T> x)
    {
        Vector512<T> t = VectorMath.Exp(-Vector512.Abs(x));
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<T>.Zero), Vector512<T>.One, t) / (Vector512<T>.One + t);
    }
}
