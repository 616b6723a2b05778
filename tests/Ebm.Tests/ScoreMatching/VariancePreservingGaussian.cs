using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Tests.ScoreMatching;

/// <summary>
/// The exact energy of Ho et al.'s forward marginal at noise level σ for data N(μ, s²I): with ᾱ = 1 − σ²,
/// x_t ~ N(√ᾱ·μ, (ᾱs² + σ²)I), so E(x; σ) = ‖x − √ᾱ·μ‖² / (2(ᾱs² + σ²)). A model whose score the diffusion sampler
/// needs at every σ_t, written in closed form.
/// </summary>
[EnergyModel]
public static partial class VariancePreservingGaussian
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Vec mu, [Const] Scalar s, [Const] Scalar sigma)
        => Norm2(x - Sqrt(1 - sigma * sigma) * mu) / (2 * ((1 - sigma * sigma) * s * s + sigma * sigma));
}
