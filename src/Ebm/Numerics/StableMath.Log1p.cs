namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>log(1 + x), keeping the digits of small x (Goldberg's correction, see specs/numerics.md).</summary>
    /// <param name="x">The argument; NaN below −1.</param>
    /// <returns>log1p(x).</returns>
    public static float Log1p(float x) => (float)Log1p((double)x);

    /// <summary>log(1 + x), keeping the digits of small x: u = 1 + x is rounded, and log(u)·x/(u − 1) cancels that rounding.</summary>
    /// <param name="x">The argument; NaN below −1.</param>
    /// <returns>log1p(x).</returns>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1)
            return x;
        if (double.IsPositiveInfinity(u))
            return u;
        return Math.Log(u) * x / (u - 1);
    }
}
