using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Tests.ScoreMatching;

/// <summary>
/// The exact energy of data N(μ, s²I) plus N(0, σ²I): E(x; σ) = ‖x − μ‖² / (2(s² + σ²)), the noisy law a perfect
/// denoising score model at level σ knows (variance exploding).
/// </summary>
[EnergyModel]
public static partial class GaussianWellAtNoise
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Vec mu, [Const] Scalar s, [Const] Scalar sigma)
        => Norm2(x - mu) / (2 * (s * s + sigma * sigma));
}
