using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Models;

/// <summary>
/// An isotropic Gaussian mixture as an energy: E(x) = −log Σₖ wₖ exp(−‖x − μₖ‖² / 2σ²), which is
/// −log Σₖ wₖ N(x; μₖ, σ²I) up to a constant (a "softmin" over the components).
/// </summary>
[EnergyModel]   // seed: "softmin" energy of a mixture; E = -log sum_k w_k N(x; mu_k, s^2 I) + const
public static partial class GaussianMixture
{
    /// <summary>The energy of <paramref name="x"/> given the component means (one per row), log weights and the shared σ.</summary>
    public static Scalar Energy([State] Vec x, Mat means, Vec logWeights, [Const] Scalar sigma)
        => -LogSumExp(logWeights - RowSum(Square(means - x)) / (2 * sigma * sigma));
}
