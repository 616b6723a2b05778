namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// How close the generated float code must come to the interpreter's double results, and why.
/// </summary>
/// <remarks>
/// The generated code rounds every operation to float (unit roundoff 2⁻²⁴ ≈ 6e-8) and sums in another order
/// than the interpreter; with at most 4 units per size, entries within [−2, 2] and sums of a few dozen
/// terms, its error stays near 1e-6 of the energy's scale (the larger of 1 and its magnitude): the worst
/// over 3,000 draws of the ten models was 7.5e-7, so <see cref="Energy"/> asks for 1e-5.
/// Gradients are compared with central differences of the interpreter in double with step
/// <see cref="Step"/> = 1e-5: the truncation error is h²/6·|f‴| ≈ 2e-11·|f‴| and the rounding error
/// ≈ 1e-16·|E|/h = 1e-11·|E|, both far below the float error of the generated gradient (worst 1.1e-6 of
/// the gradient's scale over the same draws). <see cref="Gradient"/> allows 5e-5 of that scale: a factor
/// or sign error in a rule misses it by orders of magnitude.
/// </remarks>
internal static class Tolerances
{
    public const double Step = 1e-5;

    public const double EnergyRelative = 1e-5;

    public const double GradientRelative = 5e-5;

    /// <summary>For results that two float paths compute in different orders (a batch and its rows).</summary>
    public const double SameFloatRelative = 1e-5;

    /// <summary>
    /// A sum over a batch against the sum of its rows: the float error of a sum is relative to the sum of its
    /// terms' magnitudes (<paramref name="magnitude"/>), not to the result, which a hundred weighted rows can cancel
    /// down to a small number.
    /// </summary>
    public static void Accumulated(double expected, double actual, double magnitude, string what) =>
        Assert.True(Math.Abs(expected - actual) <= SameFloatRelative * Math.Max(1, magnitude),
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):E2}, terms' magnitude {magnitude:G4})");

    public static void Energy(double expected, double actual, object what) =>
        Within(expected, actual, EnergyRelative, $"{what}: energy");

    public static void Gradient(double expected, double actual, object what) =>
        Within(expected, actual, GradientRelative, $"{what}: gradient");

    public static void Within(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)),
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):E2})");

    /// <summary>Central difference of f at x along one coordinate, in double.</summary>
    public static double Derivative(Func<double, double> f, double x) => (f(x + Step) - f(x - Step)) / (2 * Step);
}
