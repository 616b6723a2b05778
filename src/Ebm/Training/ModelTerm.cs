using Ebm.Numerics;
using Ebm.Rng;
using Ebm.Sampling;

namespace Ebm.Training;

/// <summary>
/// The model term E_model[∇θE] as weighted states: Gibbs chains (fresh for CD-k, persistent for PCD, tempered
/// replicas for PT) or exact enumeration. Holds the persistent chains between updates; they are part of a checkpoint.
/// </summary>
internal sealed class ModelTerm
{
    private readonly ModelRoles roles;
    private readonly TrainingOptions options;
    private readonly int chains;
    private readonly float[] betas;
    private float[][]? states;
    private GibbsChunk[]? chunks;
    private readonly Scratch scratch = new();

    /// <summary>
    /// Chains per model call. Fixed (not a function of the threads), so results do not depend on them; larger than the
    /// sampler's 64 because a minibatch's chains are few: one call of 100 rows lets the GEMM use every core, where two
    /// concurrent calls of 64 and 36 rows competed for them.
    /// </summary>
    internal const int ChunkRows = 512;

    public ModelTerm(IGibbsModel model, ModelRoles roles, TrainingOptions options)
    {
        this.roles = roles;
        this.options = options;
        chains = options.NegativePhase == NegativePhase.ContrastiveDivergence || options.Chains <= 0 ? options.BatchSize : options.Chains;
        betas = options.NegativePhase != NegativePhase.ParallelTempering ? []
            : options.TemperingBetas.Count > 0 ? [.. options.TemperingBetas]
            : [.. Enumerable.Range(0, 10).Select(k => 1f - 0.1f * k)];
        Layout = model.Layout;
    }

    private ModelLayout Layout { get; }

    /// <summary>The persistent chains (PT: every replica), or null before the first update and for CD and exact phases.</summary>
    public float[][]? PersistentStates =>
        options.NegativePhase is NegativePhase.Persistent or NegativePhase.ParallelTempering ? states : null;

    /// <summary>Restores persistent chains from a checkpoint.</summary>
    public void Restore(float[][] saved)
    {
        states = saved;
        chunks = null;
    }

    /// <summary>The model statistics of update <paramref name="update"/>, each row weighted −1/rows.</summary>
    /// <param name="model">The current model.</param>
    /// <param name="positive">The data term of the update: its data rows and hidden means start fresh chains.</param>
    /// <param name="update">The update's index over the run (keys the random draws).</param>
    public WeightedStates Sample(IGibbsModel model, WeightedStates positive, long update)
    {
        switch (options.NegativePhase)
        {
            case NegativePhase.Exact:
                return Exact(model);
            case NegativePhase.ContrastiveDivergence:
                // Fresh chains of the batch's size; the buffers are reused when the size repeats.
                if (states is null || states[0].Length != positive.Rows * Layout.States[0].Size)
                {
                    states = [.. Layout.States.Select(g => new float[positive.Rows * g.Size])];
                    chunks = null;
                }
                Start(positive, update, 0, positive.Rows);
                return Sweeps(model, update);
            case NegativePhase.Persistent:
                if (states is null)
                {
                    states = [.. Layout.States.Select(g => new float[chains * g.Size])];
                    Start(positive, update, 0, chains);
                }
                return Sweeps(model, update);
            default:
                return Tempered(model, positive, update);
        }
    }

    // Chain r starts at data row r mod n with every hidden unit drawn from its mean: h ~ p(h | v) for an RBM.
    private void Start(WeightedStates positive, long update, int firstRow, int rows)
    {
        int n = positive.Rows;
        ulong seed = TrainingSeeds.For(options.Seed, TrainingSeeds.ChainStart);
        for (int r = 0; r < rows; r++)
        {
            int source = r % n;
            var stream = new RandomStream(seed, (uint)(firstRow + r), (ulong)update);
            uint unit = 0;
            for (int g = 0; g < Layout.States.Count; g++)
            {
                int size = Layout.States[g].Size;
                ReadOnlySpan<float> from = positive.States[g].AsSpan(source * size, size);
                Span<float> to = states![g].AsSpan((firstRow + r) * size, size);
                if (g == roles.Data)
                    from.CopyTo(to);
                else
                    stream.FillBernoulli(from, to, unit);
                unit += (uint)(size + (size & 1));
            }
        }
    }

    private WeightedStates Sweeps(IGibbsModel model, long update)
    {
        int rows = states![0].Length / Layout.States[0].Size;
        chunks ??= [.. Enumerable.Range(0, (rows + ChunkRows - 1) / ChunkRows)
            .Select(k => new GibbsChunk(model, roles.Blocks, TrainingSeeds.For(options.Seed, TrainingSeeds.Gibbs), states,
                k * ChunkRows, Math.Min(ChunkRows, rows - k * ChunkRows), null))];
        ulong blocks = (ulong)roles.Blocks.Count;
        ulong firstSweep = (ulong)update * (ulong)options.GibbsSteps;
        float[][] chains = states;
        float[][] statistics = [.. chains.Select((s, g) => scratch.Get("statistics", g, s.Length))];
        Parallelism.ForEach(chunks, options.MaxDegreeOfParallelism, chunk =>
        {
            chunk.Rebind(model);
            for (int s = 0; s < options.GibbsSteps; s++)
                chunk.Sweep((firstSweep + (ulong)s) * blocks);
            // The chains themselves stay samples (they persist); the statistics are a copy.
            for (int g = 0; g < chains.Length; g++)
            {
                int size = chains[g].Length / rows;
                Array.Copy(chains[g], chunk.FirstRow * size, statistics[g], chunk.FirstRow * size, chunk.Count * size);
            }
            // Rao–Blackwellisation: given the other groups, the last block's summable groups are independent and the
            // energy is affine in each, so their conditional means replace the samples at no cost in bias.
            if (options.GibbsSteps > 0)
                foreach (GibbsGroupSlot slot in roles.RaoBlackwell)
                    StableMath.Sigmoid(chunk.Conditionals(slot.Index), statistics[slot.Index].AsSpan(chunk.FirstRow * slot.Size, chunk.Count * slot.Size));
        });
        return new WeightedStates(statistics, Weights(rows, scratch));
    }

    private WeightedStates Tempered(IGibbsModel model, WeightedStates positive, long update)
    {
        if (states is null)
        {
            states = [.. Layout.States.Select(g => new float[chains * g.Size])];
            Start(positive, update, 0, chains);
            states = [.. ParallelTempering.Replicate(model, states, betas.Length)];
        }
        var result = ParallelTempering.Run(model, states, new ParallelTemperingOptions(betas, options.GibbsSteps, TrainingSeeds.For(options.Seed, TrainingSeeds.Tempering))
        {
            FirstSweep = (ulong)update * (ulong)options.GibbsSteps,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        });
        states = [.. result.Replicas];
        float[][] statistics = [.. result.States];
        if (roles.RaoBlackwell.Count > 0)
        {
            ReadOnlyMemory<float>[] view = [.. statistics.Select(s => new ReadOnlyMemory<float>(s))];
            var logits = roles.RaoBlackwell.Select(slot => new float[statistics[slot.Index].Length]).ToArray();
            for (int i = 0; i < logits.Length; i++)
                model.ConditionalLogits(roles.RaoBlackwell[i].Name, view, logits[i]);
            for (int i = 0; i < logits.Length; i++)
                StableMath.Sigmoid(logits[i], statistics[roles.RaoBlackwell[i].Index]);
        }
        return new WeightedStates(statistics, Weights(chains, scratch));
    }

    private static float[] Weights(int rows, Scratch scratch)
    {
        float[] weights = scratch.Get("negative-weights", 0, rows);
        Array.Fill(weights, -1f / rows);
        return weights;
    }

    /// <summary>The largest number of units the exact model term enumerates.</summary>
    public const int MaxEnumeratedUnits = 20;

    private static WeightedStates Exact(IGibbsModel model)
    {
        ModelLayout layout = model.Layout;
        int units = layout.States.Sum(g => g.Size);
        if (units > MaxEnumeratedUnits || layout.States.Any(g => g.Kind != StateKind.Binary))
            throw new ArgumentException($"The exact model term enumerates binary states, at most 2^{MaxEnumeratedUnits}; '{layout.Description.Name}' has {units} units.", nameof(model));
        int count = 1 << units;
        var states = layout.States.Select(g => new float[count * g.Size]).ToArray();
        for (int k = 0; k < count; k++)
        {
            int bit = 0;
            for (int g = 0; g < states.Length; g++)
            {
                int size = layout.States[g].Size;
                for (int i = 0; i < size; i++, bit++)
                    states[g][k * size + i] = (k >> bit & 1) == 1 ? 1f : 0f;
            }
        }
        var energies = new float[count];
        model.Energy([.. states.Select(s => new ReadOnlyMemory<float>(s))], energies);
        double[] negative = [.. energies.Select(e => -(double)e)];
        double logZ = StableMath.LogSumExp(negative);
        return new WeightedStates(states, [.. negative.Select(l => (float)-Math.Exp(l - logZ))]);
    }
}
