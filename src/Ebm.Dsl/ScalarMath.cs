namespace Ebm.Dsl;

/// <summary>
/// The scalar formulas behind <see cref="Ops"/>, in double, written to stay finite where the naive
/// formula overflows or cancels (see specs/numerics.md for the same definitions in the runtime).
/// </summary>
internal static class ScalarMath
{
    /// <summary>
    /// log(1 + x) without losing the digits of small x: u = 1 + x is rounded, and log(u)·x/(u − 1)
    /// corrects for exactly that rounding (Goldberg). <c>double.LogP1</c> is log(x + 1), which is not.
    /// </summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1)
            return x;
        if (double.IsPositiveInfinity(u))
            return Math.Log(u);
        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>log(1 + eˣ) = max(x, 0) + log1p(e^−|x|): no overflow for large x, no 0 for very negative x.</summary>
    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>1 / (1 + e^−x), with e^x / (1 + e^x) below 0 so that e^−x never overflows.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0)
            return 1 / (1 + Math.Exp(-x));
        double e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>log σ(x) = −softplus(−x) = min(x, 0) − log1p(e^−|x|).</summary>
    public static double LogSigmoid(double x) => Math.Min(x, 0) - Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>x · σ(x).</summary>
    public static double Silu(double x) => x * Sigmoid(x);
}
