using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Tests.ScoreMatching;

/// <summary>NoiseConditionalMlp with σ as an input: a one-unit state group s instead of a [Const].</summary>
[EnergyModel]
public static partial class NoiseInputMlp
{
    /// <summary>The energy of <paramref name="x"/> at noise level s.</summary>
    public static Scalar Energy([State] Vec x, [State] Vec s, Mat W1, Vec a1, Vec b1, Mat W2, Vec b2, Vec w3, Scalar b3)
    {
        var sigma = Sum(s);
        var h1 = Silu(W1 * x + Log(sigma) * a1 + b1);
        var h2 = Silu(W2 * h1 + b2);
        return (Dot(w3, h2) + b3) / sigma;
    }
}
