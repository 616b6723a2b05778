using Ebm.Numerics;

namespace Ebm.Training;

/// <summary>
/// The data term E_v~data E_h|v[∇θE(v, h)] as weighted states: the data rows with the hidden groups at their
/// conditional (or mean-field) means, or every hidden configuration of every row weighted by p(h | v).
/// </summary>
internal static class DataTerm
{
    /// <summary>The data rows with the hidden means, each row weighted <paramref name="weight"/>.</summary>
    public static WeightedStates Means(IGibbsModel model, ModelRoles roles, float[] data, int rows, PositivePhase phase, int iterations, float damping, float weight) =>
        Means(model, roles, data, rows, phase, iterations, damping, weight, new Scratch());

    /// <inheritdoc cref="Means(IGibbsModel, ModelRoles, float[], int, PositivePhase, int, float, float)"/>
    public static WeightedStates Means(IGibbsModel model, ModelRoles roles, float[] data, int rows, PositivePhase phase, int iterations, float damping, float weight, Scratch scratch)
    {
        float[][] states = scratch.Groups("positive", model.Layout, rows);
        states[roles.Data] = data;
        foreach (int g in roles.Hidden)
            Array.Clear(states[g]);
        int sweeps = phase == PositivePhase.Auto && roles.MeansAreExact ? 1 : Math.Max(1, iterations);
        MeanField(model, roles, states, sweeps, damping, scratch);
        float[] weights = scratch.Get("positive-weights", 0, rows);
        Array.Fill(weights, weight);
        return new WeightedStates(states, weights);
    }

    /// <summary>
    /// Mean field over the hidden blocks with the data clamped, from μ = 0: each block's groups get σ(logits) at the
    /// current means, all of a block's logits computed before any is written. A sequential group (units that interact)
    /// is updated in parallel too, which is the naive mean-field fixed-point iteration; it can oscillate when the
    /// units' couplings are strong, so <paramref name="damping"/> d keeps a share of the old means, μ ← dμ + (1 − d)σ.
    /// </summary>
    public static void MeanField(IGibbsModel model, ModelRoles roles, float[][] states, int sweeps, float damping, Scratch scratch)
    {
        ReadOnlyMemory<float>[] view = [.. states.Select(s => new ReadOnlyMemory<float>(s))];
        float[][] logits = [.. states.Select((s, g) => g == roles.Data ? [] : scratch.Get("mean-field-logits", g, s.Length))];
        for (int sweep = 0; sweep < sweeps; sweep++)
            foreach (var block in roles.HiddenBlocks)
            {
                foreach (var slot in block.Groups)
                    model.ConditionalLogits(slot.Name, view, logits[slot.Index]);
                foreach (var slot in block.Groups)
                {
                    float[] mean = states[slot.Index], update = logits[slot.Index];
                    if (damping == 0)
                        StableMath.Sigmoid(update, mean);
                    else
                    {
                        StableMath.Sigmoid(update, update);
                        for (int i = 0; i < mean.Length; i++)
                            mean[i] = damping * mean[i] + (1 - damping) * update[i];
                    }
                }
            }
    }

    /// <summary>Every hidden configuration of every row, weighted <paramref name="weight"/>·p(h | v) (double-precision normalisation).</summary>
    public static WeightedStates Exact(IGibbsModel model, ModelRoles roles, float[] data, int rows, float weight)
    {
        (float[][] states, double[] logWeights) = Enumerate(model, roles, data, rows);
        int per = logWeights.Length / rows;
        var weights = new float[logWeights.Length];
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> row = logWeights.AsSpan(r * per, per);
            double logSum = StableMath.LogSumExp(row);
            for (int k = 0; k < per; k++)
                weights[r * per + k] = (float)(weight * Math.Exp(row[k] - logSum));
        }
        return new WeightedStates(states, weights);
    }

    /// <summary>The data rows with each hidden unit at its exact conditional marginal, from an <see cref="Exact"/> term of <paramref name="rows"/> rows.</summary>
    public static WeightedStates Collapse(WeightedStates exact, ModelRoles roles, int rows)
    {
        int per = exact.Rows / rows;
        float total = exact.Weights.Sum();
        var states = new float[exact.States.Length][];
        for (int g = 0; g < states.Length; g++)
        {
            int size = exact.States[g].Length / exact.Rows;
            states[g] = new float[rows * size];
            for (int r = 0; r < rows; r++)
                for (int k = 0; k < per; k++)
                {
                    int row = r * per + k;
                    // The data group is the same in every configuration of a row: weight 1 once; hidden units get p(h | v).
                    float w = g == roles.Data ? (k == 0 ? 1f : 0f) : exact.Weights[row] * rows / total;
                    for (int i = 0; i < size; i++)
                        states[g][r * size + i] += w * exact.States[g][row * size + i];
                }
        }
        var weights = new float[rows];
        Array.Fill(weights, total / rows);
        return new WeightedStates(states, weights);
    }

    /// <summary>log Σ_h e^(−E(v, h)) of each row, by enumerating the hidden units.</summary>
    public static double[] LogMarginals(IGibbsModel model, ModelRoles roles, float[] data, int rows)
    {
        (_, double[] logWeights) = Enumerate(model, roles, data, rows);
        int per = logWeights.Length / rows;
        return [.. Enumerable.Range(0, rows).Select(r => StableMath.LogSumExp(logWeights.AsSpan(r * per, per)))];
    }

    /// <summary>The largest number of hidden units <see cref="Exact"/> enumerates per row.</summary>
    public const int MaxEnumeratedUnits = 20;

    private static (float[][] States, double[] NegativeEnergies) Enumerate(IGibbsModel model, ModelRoles roles, float[] data, int rows)
    {
        ModelLayout layout = model.Layout;
        int units = roles.Hidden.Sum(g => layout.States[g].Size);
        if (units > MaxEnumeratedUnits)
            throw new ArgumentException($"Enumerating the hidden states takes 2^{units} states per row; the limit is 2^{MaxEnumeratedUnits}. Use the mean-field positive phase.", nameof(model));
        int per = 1 << units;
        int dataSize = layout.States[roles.Data].Size;
        var states = layout.States.Select(g => new float[rows * per * g.Size]).ToArray();
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < per; k++)
            {
                int row = r * per + k;
                Array.Copy(data, r * dataSize, states[roles.Data], row * dataSize, dataSize);
                int bit = 0;
                foreach (int g in roles.Hidden)
                {
                    int size = layout.States[g].Size;
                    for (int i = 0; i < size; i++, bit++)
                        states[g][row * size + i] = (k >> bit & 1) == 1 ? 1f : 0f;
                }
            }
        var energies = new float[rows * per];
        model.Energy([.. states.Select(s => new ReadOnlyMemory<float>(s))], energies);
        return (states, [.. energies.Select(e => -(double)e)]);
    }
}
