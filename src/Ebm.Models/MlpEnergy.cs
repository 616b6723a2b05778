using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Models;

/// <summary>
/// A neural energy, as in modern EBMs and score models: a two-hidden-layer SiLU network with a scalar
/// output, E(x) = w3ᵀ silu(W2 silu(W1x + b1) + b2) + b3.
/// </summary>
[EnergyModel]   // neural energy, as in modern EBMs and score models
public static partial class MlpEnergy
{
    /// <summary>The energy of <paramref name="x"/>.</summary>
    public static Scalar Energy([State] Vec x, Mat W1, Vec b1, Mat W2, Vec b2, Vec w3, Scalar b3)
    {
        var h1 = Silu(W1 * x + b1);
        var h2 = Silu(W2 * h1 + b2);
        return Dot(w3, h2) + b3;
    }
}
