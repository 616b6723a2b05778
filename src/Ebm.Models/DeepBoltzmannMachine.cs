using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Models;

/// <summary>
/// The deep Boltzmann machine with two hidden layers:
/// E(v, h1, h2) = −vᵀW1h1 − h1ᵀW2h2 − bᵀv − c1ᵀh1 − c2ᵀh2.
/// </summary>
[EnergyModel]   // seed: deep Boltzmann machine (two hidden layers)
public static partial class DeepBoltzmannMachine
{
    /// <summary>The energy of visibles <paramref name="v"/> and the two hidden layers.</summary>
    public static Scalar Energy([Binary] Vec v, [Binary] Vec h1, [Binary] Vec h2,
                                Mat W1, Mat W2, Vec b, Vec c1, Vec c2)
        => -Dot(v, W1 * h1) - Dot(h1, W2 * h2) - Dot(b, v) - Dot(c1, h1) - Dot(c2, h2);
}
