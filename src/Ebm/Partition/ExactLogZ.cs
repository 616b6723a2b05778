namespace Ebm.Partition;

/// <summary>
/// The exact log partition function of a binary model by enumeration, with one summable group marginalised
/// analytically through the free energy (specs/samplers.md, "Exact log Z"): log Z = logsumexp over the other
/// groups' states of −F. An RBM thus enumerates its smaller layer.
/// </summary>
public static class ExactLogZ
{
    /// <summary>The default limit on enumerated states: 2²⁵.</summary>
    public const long DefaultMaxStates = 1L << 25;

    /// <summary>States per model call: big enough to amortise a call, small enough to split over threads.</summary>
    private const int BatchStates = 4096;

    /// <summary>Computes log Z, enumerating at most <see cref="DefaultMaxStates"/> states.</summary>
    /// <param name="model">A model whose state groups are all binary.</param>
    /// <returns>log Z and how it was computed.</returns>
    /// <exception cref="ArgumentException">The model has a continuous state group.</exception>
    /// <exception cref="PartitionTooLargeException">More than the limit of states would be enumerated.</exception>
    public static ExactLogZResult Compute(IEnergyModel model) => Compute(model, DefaultMaxStates);

    /// <summary>
    /// Computes log Z. When the model is an <see cref="IGibbsModel"/> with summable groups, the largest of them is
    /// summed out by its free energy and the rest enumerated; otherwise every state is enumerated with the energy.
    /// The sum is in double precision, one partial log-sum-exp per batch combined in a fixed order, so the result
    /// does not depend on the thread count.
    /// </summary>
    /// <param name="model">A model whose state groups are all binary.</param>
    /// <param name="maxStates">The largest number of states to enumerate.</param>
    /// <returns>log Z and how it was computed.</returns>
    /// <exception cref="ArgumentException">The model has a continuous state group.</exception>
    /// <exception cref="PartitionTooLargeException">More than <paramref name="maxStates"/> states would be enumerated.</exception>
    public static ExactLogZResult Compute(IEnergyModel model, long maxStates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStates, 1);
        IReadOnlyList<StateLayout> groups = model.Layout.States;
        StateLayout? continuous = groups.FirstOrDefault(g => g.Kind != StateKind.Binary);
        if (continuous is not null)
            throw new ArgumentException(
                $"Exact log Z enumerates binary states; '{model.Layout.Description.Name}' has the continuous group '{continuous.Name}'.",
                nameof(model));

        var gibbs = model as IGibbsModel;
        string? summed = gibbs?.Structure.SummableGroups.OrderByDescending(g => model.Layout.States[model.Layout.StateIndex(g)].Size).FirstOrDefault();
        int[] enumerated = Enumerable.Range(0, groups.Count).Where(g => groups[g].Name != summed).ToArray();
        string[] names = enumerated.Select(g => groups[g].Name).ToArray();
        int units = enumerated.Sum(g => groups[g].Size);
        if (units >= 62 || 1L << units > maxStates)
            throw new PartitionTooLargeException(model.Layout.Description.Name, names, units, maxStates, summed);

        long states = 1L << units;
        int batch = (int)Math.Min(states, BatchStates);
        long batches = states / batch;
        var maxima = new double[batches];
        var sums = new double[batches];
        Parallel.For(0L, batches,
            () => new Batch(model, batch),
            (q, _, buffers) =>
            {
                buffers.Fill(enumerated, q * batch);
                if (summed is null)
                    model.Energy(buffers.States, buffers.Values);
                else
                    gibbs!.FreeEnergy(summed, buffers.States, buffers.Values);
                (maxima[q], sums[q]) = NegativeLogSumExp(buffers.Values);
                return buffers;
            },
            _ => { });

        double max = maxima.Max();
        if (double.IsNegativeInfinity(max) || double.IsNaN(max) || double.IsPositiveInfinity(max))
            return new ExactLogZResult(max, summed, names, states);
        double total = 0;
        for (long q = 0; q < batches; q++)
            total += sums[q] * Math.Exp(maxima[q] - max);
        return new ExactLogZResult(max + Math.Log(total), summed, names, states);
    }

    /// <summary>m = max(−values) and Σ e^(−value − m), in double.</summary>
    private static (double Max, double Sum) NegativeLogSumExp(ReadOnlySpan<float> values)
    {
        double max = double.NegativeInfinity;
        foreach (float v in values)
            max = Math.Max(max, -(double)v);
        if (!double.IsFinite(max))
            return (max, 1);
        double sum = 0;
        foreach (float v in values)
            sum += Math.Exp(-(double)v - max);
        return (max, sum);
    }

    /// <summary>One thread's states and outputs for a batch of enumerated states.</summary>
    private sealed class Batch
    {
        private readonly IEnergyModel model;
        private readonly float[][] arrays;

        public Batch(IEnergyModel model, int rows)
        {
            this.model = model;
            arrays = model.Layout.States.Select(g => new float[rows * g.Size]).ToArray();
            States = arrays.Select(a => new ReadOnlyMemory<float>(a)).ToArray();
            Values = new float[rows];
        }

        public IReadOnlyList<ReadOnlyMemory<float>> States { get; }

        public float[] Values { get; }

        // State index k holds the enumerated groups' units, concatenated in layout order, in its bits from bit 0.
        public void Fill(int[] enumerated, long first)
        {
            for (int r = 0; r < Values.Length; r++)
            {
                long k = first + r;
                int bit = 0;
                foreach (int g in enumerated)
                {
                    int size = model.Layout.States[g].Size;
                    Span<float> row = arrays[g].AsSpan(r * size, size);
                    for (int i = 0; i < size; i++, bit++)
                        row[i] = (k >> bit & 1) == 1 ? 1f : 0f;
                }
            }
        }
    }
}
