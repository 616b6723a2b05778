using Ebm.Models;

namespace Ebm.Tests.Contrastive;

/// <summary>MLP energies for the contrastive tests.</summary>
internal static class ContrastiveModels
{
    /// <summary>MlpEnergy over two units with its declared N(0, 0.01²) matrices rescaled to N(0, std²).</summary>
    public static MlpEnergy.Model Mlp(int hidden, ulong seed, float std)
    {
        var p = MlpEnergy.Parameters.Create(x: 2, W1Rows: hidden, W2Rows: hidden, seed: seed);
        return MlpEnergy.Create(p.WithVector(p.ToVector().Select(w => w * (std / 0.01f)).ToArray()));
    }
}
