namespace Ebm.Rng;

/// <summary>
/// Standard normals by the Box–Muller transform: with u₀, u₁ uniform in (0, 1],
/// r = √(−2 ln u₀), θ = 2π·u₁, and (r cos θ, r sin θ) are two independent N(0, 1) draws. Both are used.
/// </summary>
/// <remarks>
/// u₀ ∈ (0, 1] keeps ln u₀ finite, so every result is finite; the smallest u₀ bounds |z| by
/// √(48 ln 2) ≈ 5.77 in single and √(106 ln 2) ≈ 8.57 in double precision (tail mass beyond 5.77σ is 8·10⁻⁹).
/// The operations are done in the stated precision, in the stated order, with the platform's
/// log/sqrt/cos/sin; those are not correctly rounded everywhere, so another implementation agrees to a few
/// ulps rather than bit for bit.
/// </remarks>
public static class BoxMuller
{
    /// <summary>2π rounded to single precision (6.2831855f), the factor of θ in <see cref="ToSingle"/>.</summary>
    public const float TwoPiSingle = 2f * MathF.PI;

    /// <summary>2π rounded to double precision, the factor of θ in <see cref="ToDouble"/>.</summary>
    public const double TwoPiDouble = 2.0 * Math.PI;

    /// <summary>
    /// u₀ = <see cref="UniformConversion.ToSingle"/>(first), u₁ = ToSingle(second), all in float:
    /// r = sqrt(−2·log(u₀)), θ = <see cref="TwoPiSingle"/>·u₁, (r·cos θ, r·sin θ).
    /// </summary>
    /// <param name="first">Word giving the radius.</param>
    /// <param name="second">Word giving the angle.</param>
    /// <returns>Two independent standard normals.</returns>
    /// <remarks>Evaluated with the BCL's vector log, sqrt and sin/cos, which fills use on many pairs at once;
    /// MathF's scalar functions round differently in the last bit.</remarks>
    public static NormalPair ToSingle(uint first, uint second) => BoxMullerBatch.Pair(first, second);

    /// <summary>
    /// u₀ = <see cref="UniformConversion.ToDouble"/>(W0, W1), u₁ = ToDouble(W2, W3), all in double:
    /// r = sqrt(−2·log(u₀)), θ = <see cref="TwoPiDouble"/>·u₁, (r·cos θ, r·sin θ).
    /// </summary>
    /// <param name="bits">A block of four words: W0, W1 give the radius, W2, W3 the angle.</param>
    /// <returns>Two independent standard normals.</returns>
    public static NormalPairDouble ToDouble(Philox4x32Block bits)
    {
        double r = Math.Sqrt(-2.0 * Math.Log(UniformConversion.ToDouble(bits.W0, bits.W1)));
        double theta = TwoPiDouble * UniformConversion.ToDouble(bits.W2, bits.W3);
        return new NormalPairDouble(r * Math.Cos(theta), r * Math.Sin(theta));
    }
}
