namespace Ebm.Rng;

/// <summary>
/// Bernoulli draws from a random word: h = (u ≤ p) with u = <see cref="UniformConversion.ToSingle"/>(bits) ∈ (0, 1].
/// </summary>
/// <remarks>
/// Because u takes the values k·2⁻²⁴, k = 1 … 2²⁴, P(h) = ⌊p·2²⁴⌋ / 2²⁴ for p ∈ [0, 1]: exact when p is a
/// multiple of 2⁻²⁴, always within 2⁻²⁴ of p, never true for p = 0 and always true for p = 1 (the comparison is
/// ≤ rather than &lt; because u can be 1 but not 0). p &lt; 0 or NaN gives false, p &gt; 1 gives true.
/// </remarks>
public static class BernoulliConversion
{
    /// <summary>h = (ToSingle(bits) ≤ probability).</summary>
    /// <param name="bits">A uniform 32-bit word.</param>
    /// <param name="probability">P(h = 1).</param>
    /// <returns>The draw.</returns>
    public static bool FromProbability(uint bits, float probability) => UniformConversion.ToSingle(bits) <= probability;

    /// <summary>
    /// The Gibbs update of a binary unit: h = (ToSingle(bits) ≤ σ(logit)) with σ(x) = 1 / (1 + exp(−x)) in float,
    /// exp the BCL's vector exp (the same code as <see cref="RandomStream.FillBernoulliLogit"/>, so both give the same bits).
    /// exp overflows to +∞ for logit &lt; −88.7, giving σ = 0 and h = false, as it should; ±∞ give false/true.
    /// </summary>
    /// <param name="bits">A uniform 32-bit word.</param>
    /// <param name="logit">log(p / (1 − p)), the unit's total input.</param>
    /// <returns>The draw.</returns>
    public static bool FromLogit(uint bits, float logit) => BernoulliLogitBatch.One(bits, logit);
}
