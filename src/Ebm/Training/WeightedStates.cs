namespace Ebm.Training;

/// <summary>A batch of states (one row-major array per group) with a weight per row: one term of the gradient.</summary>
internal sealed record WeightedStates(float[][] States, float[] Weights)
{
    public int Rows => Weights.Length;

    public ReadOnlyMemory<float>[] View() => [.. States.Select(s => new ReadOnlyMemory<float>(s))];

    /// <summary>Adds Σᵣ weightᵣ·∇θE(stateᵣ) of every term to <paramref name="gradient"/> in one model call, so a batched
    /// model multiplies the data and the model statistics in one matrix product.</summary>
    public static void Accumulate(IEnergyModel model, IReadOnlyList<WeightedStates> terms, Span<float> gradient, Scratch scratch)
    {
        if (terms.Count == 1)
        {
            model.AccumulateParameterGradient(terms[0].View(), terms[0].Weights, gradient);
            return;
        }
        int groups = model.Layout.States.Count;
        var states = new ReadOnlyMemory<float>[groups];
        for (int g = 0; g < groups; g++)
        {
            float[] joined = scratch.Get("joined", g, terms.Sum(t => t.States[g].Length));
            int at = 0;
            foreach (WeightedStates t in terms)
            {
                t.States[g].CopyTo(joined, at);
                at += t.States[g].Length;
            }
            states[g] = joined;
        }
        float[] weights = scratch.Get("joined-weights", 0, terms.Sum(t => t.Rows));
        int w = 0;
        foreach (WeightedStates t in terms)
        {
            t.Weights.CopyTo(weights, w);
            w += t.Rows;
        }
        model.AccumulateParameterGradient(states, weights, gradient);
    }
}
