using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Models;

/// <summary>
/// The Gaussian–Bernoulli RBM, with real-valued visibles:
/// E(v, h) = ‖v − b‖² / 2σ² − cᵀh − vᵀWh / σ.
/// </summary>
[EnergyModel]   // real-valued visibles
public static partial class GaussianBernoulliRbm
{
    /// <summary>The energy of visibles <paramref name="v"/> and hiddens <paramref name="h"/> at a fixed σ.</summary>
    public static Scalar Energy([State] Vec v, [Binary] Vec h, Mat W, Vec b, Vec c, [Const] Scalar sigma)
        => Norm2(v - b) / (2 * sigma * sigma) - Dot(c, h) - Dot(v, W * h) / sigma;
}
