namespace Ebm.Dsl;

// Every elementwise function has one scalar formula; the Vec and Mat overloads apply it to each entry.
public static partial class Ops
{
    /// <summary>eˣ.</summary>
    public static Scalar Exp(Scalar x) => Math.Exp(x.Value);

    /// <inheritdoc cref="Exp(Scalar)"/>
    public static Vec Exp(Vec x) => x.Map(Math.Exp);

    /// <inheritdoc cref="Exp(Scalar)"/>
    public static Mat Exp(Mat x) => x.Map(Math.Exp);

    /// <summary>The natural logarithm log x (−∞ at 0, NaN below).</summary>
    public static Scalar Log(Scalar x) => Math.Log(x.Value);

    /// <inheritdoc cref="Log(Scalar)"/>
    public static Vec Log(Vec x) => x.Map(Math.Log);

    /// <inheritdoc cref="Log(Scalar)"/>
    public static Mat Log(Mat x) => x.Map(Math.Log);

    /// <summary>log(1 + x), accurate for small x.</summary>
    public static Scalar Log1p(Scalar x) => ScalarMath.Log1p(x.Value);

    /// <inheritdoc cref="Log1p(Scalar)"/>
    public static Vec Log1p(Vec x) => x.Map(ScalarMath.Log1p);

    /// <inheritdoc cref="Log1p(Scalar)"/>
    public static Mat Log1p(Mat x) => x.Map(ScalarMath.Log1p);

    /// <summary>softplus(x) = log(1 + eˣ), as max(x, 0) + log1p(e^−|x|).</summary>
    public static Scalar Softplus(Scalar x) => ScalarMath.Softplus(x.Value);

    /// <inheritdoc cref="Softplus(Scalar)"/>
    public static Vec Softplus(Vec x) => x.Map(ScalarMath.Softplus);

    /// <inheritdoc cref="Softplus(Scalar)"/>
    public static Mat Softplus(Mat x) => x.Map(ScalarMath.Softplus);

    /// <summary>The logistic σ(x) = 1 / (1 + e^−x).</summary>
    public static Scalar Sigmoid(Scalar x) => ScalarMath.Sigmoid(x.Value);

    /// <inheritdoc cref="Sigmoid(Scalar)"/>
    public static Vec Sigmoid(Vec x) => x.Map(ScalarMath.Sigmoid);

    /// <inheritdoc cref="Sigmoid(Scalar)"/>
    public static Mat Sigmoid(Mat x) => x.Map(ScalarMath.Sigmoid);

    /// <summary>log σ(x) = −softplus(−x), as min(x, 0) − log1p(e^−|x|).</summary>
    public static Scalar LogSigmoid(Scalar x) => ScalarMath.LogSigmoid(x.Value);

    /// <inheritdoc cref="LogSigmoid(Scalar)"/>
    public static Vec LogSigmoid(Vec x) => x.Map(ScalarMath.LogSigmoid);

    /// <inheritdoc cref="LogSigmoid(Scalar)"/>
    public static Mat LogSigmoid(Mat x) => x.Map(ScalarMath.LogSigmoid);

    /// <summary>tanh x.</summary>
    public static Scalar Tanh(Scalar x) => Math.Tanh(x.Value);

    /// <inheritdoc cref="Tanh(Scalar)"/>
    public static Vec Tanh(Vec x) => x.Map(Math.Tanh);

    /// <inheritdoc cref="Tanh(Scalar)"/>
    public static Mat Tanh(Mat x) => x.Map(Math.Tanh);

    /// <summary>silu(x) = x · σ(x).</summary>
    public static Scalar Silu(Scalar x) => ScalarMath.Silu(x.Value);

    /// <inheritdoc cref="Silu(Scalar)"/>
    public static Vec Silu(Vec x) => x.Map(ScalarMath.Silu);

    /// <inheritdoc cref="Silu(Scalar)"/>
    public static Mat Silu(Mat x) => x.Map(ScalarMath.Silu);

    /// <summary>x².</summary>
    public static Scalar Square(Scalar x) => x.Value * x.Value;

    /// <inheritdoc cref="Square(Scalar)"/>
    public static Vec Square(Vec x) => x.Map(x => x * x);

    /// <inheritdoc cref="Square(Scalar)"/>
    public static Mat Square(Mat x) => x.Map(x => x * x);

    /// <summary>√x (NaN below 0).</summary>
    public static Scalar Sqrt(Scalar x) => Math.Sqrt(x.Value);

    /// <inheritdoc cref="Sqrt(Scalar)"/>
    public static Vec Sqrt(Vec x) => x.Map(Math.Sqrt);

    /// <inheritdoc cref="Sqrt(Scalar)"/>
    public static Mat Sqrt(Mat x) => x.Map(Math.Sqrt);

    /// <summary>|x|.</summary>
    public static Scalar Abs(Scalar x) => Math.Abs(x.Value);

    /// <inheritdoc cref="Abs(Scalar)"/>
    public static Vec Abs(Vec x) => x.Map(Math.Abs);

    /// <inheritdoc cref="Abs(Scalar)"/>
    public static Mat Abs(Mat x) => x.Map(Math.Abs);
}
