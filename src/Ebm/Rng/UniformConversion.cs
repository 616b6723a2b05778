namespace Ebm.Rng;

/// <summary>
/// Maps random words to uniform numbers in (0, 1]. Zero is excluded so that <c>log(u)</c> is always finite
/// (Box–Muller, exponential draws); one is included, and <c>log(1) = 0</c> is harmless. Every result is an
/// exact multiple of the grid step, so the formulas are reproducible bit for bit in any IEEE-754 language.
/// </summary>
public static class UniformConversion
{
    /// <summary>Grid step of <see cref="ToSingle"/>: 2⁻²⁴, the spacing of floats just below 1.</summary>
    public const float SingleStep = 1f / 16777216f;

    /// <summary>Grid step of <see cref="ToDouble"/>: 2⁻⁵³, the spacing of doubles just below 1.</summary>
    public const double DoubleStep = 1.0 / 9007199254740992.0;

    /// <summary>
    /// u = ((bits ≫ 8) + 1) · 2⁻²⁴ ∈ {2⁻²⁴, 2·2⁻²⁴, …, 1}: the top 24 bits, shifted off zero.
    /// Both the integer-to-float conversion (≤ 2²⁴) and the product are exact.
    /// </summary>
    /// <param name="bits">A uniform 32-bit word.</param>
    /// <returns>A uniform float in (0, 1].</returns>
    public static float ToSingle(uint bits) => (int)((bits >> 8) + 1) * SingleStep;

    /// <summary>
    /// u = (k + 1) · 2⁻⁵³ with k = (high ≫ 5) · 2²⁶ + (low ≫ 6), the top 27 bits of <paramref name="high"/>
    /// above the top 26 bits of <paramref name="low"/> (as in Matsumoto–Nishimura's <c>genrand_res53</c>),
    /// shifted off zero. Exact: k + 1 ≤ 2⁵³.
    /// </summary>
    /// <param name="high">The word that supplies the 27 most significant bits.</param>
    /// <param name="low">The word that supplies the 26 least significant bits.</param>
    /// <returns>A uniform double in (0, 1].</returns>
    public static double ToDouble(uint high, uint low) =>
        (long)((((ulong)(high >> 5) << 26) | (low >> 6)) + 1) * DoubleStep;
}
