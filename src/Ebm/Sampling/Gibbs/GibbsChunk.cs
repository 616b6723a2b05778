using Ebm.Rng;

namespace Ebm.Sampling;

/// <summary>
/// A fixed range of rows of the batch (chains, or chains × replicas) that one worker sweeps. The rows are
/// slices of the sampler's arrays, disjoint from every other chunk's, so chunks run on any threads without
/// locks. Row r draws from stream r: its numbers depend on the seed, the row and the step only.
/// </summary>
internal sealed class GibbsChunk
{
    private IGibbsModel model;
    private readonly IReadOnlyList<GibbsBlockSlots> blocks;
    private readonly ulong seed;
    private readonly float[]? rowBetas;
    private readonly Memory<float>[] rows;
    private readonly ReadOnlyMemory<float>[] readRows;
    private readonly float[][] conditionals;
    private readonly float[][] variances;
    private readonly float[] normals;

    /// <param name="model">The model.</param>
    /// <param name="blocks">Its schedule.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="states">The whole batch, one array per group.</param>
    /// <param name="firstRow">The chunk's first row in the batch (also its first stream).</param>
    /// <param name="count">The chunk's number of rows.</param>
    /// <param name="rowBetas">The inverse temperature of each row of the chunk, or null for β = 1.</param>
    public GibbsChunk(IGibbsModel model, IReadOnlyList<GibbsBlockSlots> blocks, ulong seed,
                      IReadOnlyList<float[]> states, int firstRow, int count, float[]? rowBetas)
    {
        this.model = model;
        this.blocks = blocks;
        this.seed = seed;
        this.rowBetas = rowBetas;
        FirstRow = firstRow;
        Count = count;
        var sizes = model.Layout.States.Select(s => s.Size).ToArray();
        rows = new Memory<float>[sizes.Length];
        readRows = new ReadOnlyMemory<float>[sizes.Length];
        for (int g = 0; g < sizes.Length; g++)
        {
            rows[g] = new Memory<float>(states[g], firstRow * sizes[g], count * sizes[g]);
            readRows[g] = rows[g];
        }
        conditionals = sizes.Select(s => new float[count * s]).ToArray();
        variances = sizes.Select(s => new float[count * s]).ToArray();
        normals = new float[sizes.Length == 0 ? 0 : sizes.Max()];
    }

    /// <summary>The chunk's first row in the batch.</summary>
    public int FirstRow { get; }

    /// <summary>The chunk's number of rows.</summary>
    public int Count { get; }

    /// <summary>The chunk's states, one slice per group.</summary>
    public IReadOnlyList<ReadOnlyMemory<float>> States => readRows;

    /// <summary>
    /// The conditionals last computed for group <paramref name="group"/> (logits of a binary group, means of a
    /// Gaussian one), one row per chain of the chunk. After a sweep, those of the last block's groups are the
    /// conditionals at the final states, since that block changes none of the groups they depend on.
    /// </summary>
    public ReadOnlySpan<float> Conditionals(int group) => conditionals[group];

    /// <summary>Points the chunk at another model of the same layout (a trainer's next parameters), keeping its buffers.</summary>
    public void Rebind(IGibbsModel next) => model = next;

    /// <summary>The chunk's states of group <paramref name="group"/>, writable.</summary>
    public Memory<float> Rows(int group) => rows[group];

    /// <summary>Updates every block once; block b draws at step <paramref name="firstStep"/> + b.</summary>
    public void Sweep(ulong firstStep)
    {
        for (int b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].IsSequential)
                UpdateSequential(blocks[b].Groups[0], firstStep + (ulong)b);
            else
                UpdateParallel(blocks[b].Groups, firstStep + (ulong)b);
        }
    }

    // Every conditional of the block is computed before any group is written: the groups do not interact,
    // so the order would not change the distribution, but this way no reader has to know that.
    private void UpdateParallel(IReadOnlyList<GibbsGroupSlot> groups, ulong step)
    {
        foreach (GibbsGroupSlot slot in groups)
        {
            Span<float> c = conditionals[slot.Index];
            if (slot.IsGaussian)
            {
                model.GaussianConditional(slot.Name, readRows, c, variances[slot.Index]);
                RequireProperGaussian(slot, variances[slot.Index]);
            }
            else
            {
                model.ConditionalLogits(slot.Name, readRows, c);
                Temper(c, slot.Size);
            }
        }
        foreach (GibbsGroupSlot slot in groups)
        {
            Span<float> target = rows[slot.Index].Span;
            for (int r = 0; r < Count; r++)
            {
                var stream = new RandomStream(seed, (uint)(FirstRow + r), step);
                Span<float> row = target.Slice(r * slot.Size, slot.Size);
                ReadOnlySpan<float> c = conditionals[slot.Index].AsSpan(r * slot.Size, slot.Size);
                if (slot.IsGaussian)
                {
                    Span<float> z = normals.AsSpan(0, slot.Size);
                    stream.FillNormal(z, slot.FirstUnit);
                    ReadOnlySpan<float> variance = variances[slot.Index].AsSpan(r * slot.Size, slot.Size);
                    for (int i = 0; i < slot.Size; i++)
                        row[i] = c[i] + MathF.Sqrt(variance[i]) * z[i];
                }
                else
                    stream.FillBernoulliLogit(c, row, slot.FirstUnit);
            }
        }
    }

    // The generator checks that the energy is quadratic in the group with a diagonal Hessian, but not the sign of
    // that Hessian, which depends on the parameter values: a non-positive or non-finite variance is no Gaussian.
    private void RequireProperGaussian(GibbsGroupSlot slot, float[] variance)
    {
        for (int k = 0; k < Count * slot.Size; k++)
        {
            float v = variance[k];
            if (!(v > 0f && float.IsFinite(v)))
                throw new InvalidOperationException(
                    $"The conditional of Gaussian group '{slot.Name}' has variance {v} at chain {FirstRow + k / slot.Size}, unit {k % slot.Size}: " +
                    "the energy is not a proper Gaussian in that group at these parameter values (its quadratic coefficient must be positive and finite).");
        }
    }

    // Unit i's logit is exact at the current values of the other units and does not depend on unit i itself,
    // so drawing unit i from logits computed after unit i − 1 was written is exact Gibbs. Recomputing the whole
    // group's logits per unit costs size² per sweep: correct first; an incremental update can come later.
    private void UpdateSequential(GibbsGroupSlot slot, ulong step)
    {
        Span<float> logits = conditionals[slot.Index];
        for (int i = 0; i < slot.Size; i++)
        {
            model.ConditionalLogits(slot.Name, readRows, logits);
            Span<float> target = rows[slot.Index].Span;
            for (int r = 0; r < Count; r++)
            {
                float logit = logits[r * slot.Size + i] * (rowBetas is null ? 1f : rowBetas[r]);
                var stream = new RandomStream(seed, (uint)(FirstRow + r), step);
                target[r * slot.Size + i] = stream.BernoulliLogit(slot.FirstUnit + (uint)i, logit) ? 1f : 0f;
            }
        }
    }

    // The tempered distribution ∝ e^(−βE) has logits β·(E(u=0) − E(u=1)).
    private void Temper(Span<float> logits, int size)
    {
        if (rowBetas is null)
            return;
        for (int r = 0; r < Count; r++)
        {
            float beta = rowBetas[r];
            foreach (ref float l in logits.Slice(r * size, size))
                l *= beta;
        }
    }
}
