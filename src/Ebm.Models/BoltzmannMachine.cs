using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Models;

/// <summary>
/// The general Boltzmann machine, with lateral weights within each layer, at inverse temperature β:
/// E(v, h) = β(−vᵀLv/2 − hᵀJh/2 − vᵀWh − bᵀv − cᵀh).
/// </summary>
[EnergyModel]   // seed: general Boltzmann machine (lateral weights), inverse temperature beta
public static partial class BoltzmannMachine
{
    /// <summary>The energy of visibles <paramref name="v"/> and hiddens <paramref name="h"/>.</summary>
    public static Scalar Energy([Binary] Vec v, [Binary] Vec h, Mat L, Mat J, Mat W, Vec b, Vec c, [Const] Scalar beta)
        => beta * (-Dot(v, L * v) / 2 - Dot(h, J * h) / 2 - Dot(v, W * h) - Dot(b, v) - Dot(c, h));
}
