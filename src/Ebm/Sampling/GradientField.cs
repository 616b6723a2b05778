namespace Ebm.Sampling;

/// <summary>Where a move's drift comes from: ∇ₓE of a model, or the negative of a user-given score.</summary>
internal abstract class GradientField
{
    /// <summary>Writes ∂E/∂x for each row of a chunk of chains, and E where the field knows it (NaN otherwise).</summary>
    public abstract void Evaluate(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<Memory<float>> gradients, Span<float> energies);

    /// <summary>Whether <see cref="Evaluate"/> writes energies: MALA needs them.</summary>
    public abstract bool HasEnergies { get; }
}

internal sealed class ModelGradientField(IEnergyModel model) : GradientField
{
    public override bool HasEnergies => true;

    public override void Evaluate(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<Memory<float>> gradients, Span<float> energies) =>
        model.StateGradient(states, gradients, energies);
}

internal sealed class ScoreGradientField(Action<float, ReadOnlyMemory<float>, Memory<float>> score, float sigma) : GradientField
{
    public override bool HasEnergies => false;

    public override void Evaluate(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<Memory<float>> gradients, Span<float> energies)
    {
        score(sigma, states[0], gradients[0]);
        // The sampler works with ∇E = −score throughout, so one update rule serves models and scores.
        Span<float> g = gradients[0].Span;
        for (int i = 0; i < g.Length; i++)
            g[i] = -g[i];
        energies.Fill(float.NaN);
    }
}
