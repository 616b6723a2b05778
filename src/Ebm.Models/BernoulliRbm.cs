using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Models;

/// <summary>The restricted Boltzmann machine: E(v, h) = −bᵀv − cᵀh − vᵀWh with binary visibles and hiddens.</summary>
[EnergyModel]   // seed: restricted Boltzmann machine
public static partial class BernoulliRbm
{
    /// <summary>The energy of visibles <paramref name="v"/> and hiddens <paramref name="h"/>.</summary>
    public static Scalar Energy([Binary] Vec v, [Binary] Vec h, Mat W, Vec b, Vec c)
        => -Dot(b, v) - Dot(c, h) - Dot(v, W * h);
}
