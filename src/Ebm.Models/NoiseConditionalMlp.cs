using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Models;

/// <summary>
/// A noise-conditional neural energy for NCSN training: E(x; σ) = (w3ᵀ silu(W2 silu(W1x + log σ·a1 + b1) + b2) + b3)/σ,
/// so its score −∇ₓE carries NCSN's 1/σ scaling (Song &amp; Ermon 2020) and the first layer sees log σ.
/// </summary>
/// <remarks>
/// The DSL has no role for an input that is neither a state nor a parameter, so σ is a <c>[Const]</c>: the model at
/// another level is the same trainable vector under another σ (<c>Parameters.Create(…, sigma, …).WithVector(θ)</c>,
/// or <c>Rebind</c> of a model created once per level), which is what <c>ScoreTrainer.TrainNoiseConditional</c> and
/// <c>Langevin.Annealed</c> take as a function of σ.
/// </remarks>
[EnergyModel]
public static partial class NoiseConditionalMlp
{
    /// <summary>The energy of <paramref name="x"/> at noise level <paramref name="sigma"/>.</summary>
    public static Scalar Energy([State] Vec x, Mat W1, Vec a1, Vec b1, Mat W2, Vec b2, Vec w3, Scalar b3, [Const] Scalar sigma)
    {
        var h1 = Silu(W1 * x + Log(sigma) * a1 + b1);
        var h2 = Silu(W2 * h1 + b2);
        return (Dot(w3, h2) + b3) / sigma;
    }
}
