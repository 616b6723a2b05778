using Ebm.Rng;
using Ebm.Sampling;

namespace Ebm.Partition;

/// <summary>
/// Annealed importance sampling (Neal 2001; Salakhutdinov &amp; Murray 2008) of log Z of a binary model whose
/// energy is linear in its trainable parameters θ (BernoulliRbm, BoltzmannMachine, DeepBoltzmannMachine): then the
/// geometric path p_β ∝ p_A^(1−β) p_B^β is the model itself at θ_β = θ_A + β(θ_B − θ_A), so every intermediate
/// distribution is sampled with the model's own Gibbs conditionals (specs/samplers.md, "AIS").
/// </summary>
public static class AnnealedImportanceSampling
{
    /// <summary>Runs per chunk: the unit of work of a thread, fixed so that results do not depend on the thread count.</summary>
    private const int ChunkRows = 64;

    /// <summary>
    /// Estimates log Z of <paramref name="target"/> from the factorised <paramref name="baseModel"/>
    /// (e.g. <see cref="AisBaseModel.BaseRate(IGibbsModel, string, string, ReadOnlyMemory{float})"/>).
    /// </summary>
    /// <param name="target">The model; every group binary with logits, its energy linear in θ.</param>
    /// <param name="baseModel">The same declaration and sizes at θ_A; its units must be independent.</param>
    /// <param name="options">The schedule, the number of runs and the seed.</param>
    /// <returns>log Ẑ, its standard error, ±3σ bounds and the log weights.</returns>
    /// <exception cref="ArgumentException">
    /// The layouts differ, a group is not binary, the base model is not factorised, the energy is not linear in θ
    /// at the initial states, or the schedule is not increasing from 0 to 1.
    /// </exception>
    public static AisResult Run(IGibbsModel target, IGibbsModel baseModel, AisOptions options) =>
        Anneal(target, baseModel, options, null);

    /// <summary>
    /// Reverse AIS (Burda, Grosse &amp; Salakhutdinov 2015): the same path walked from the target to the base,
    /// starting from <paramref name="targetSamples"/>. With exact samples of the target, the mean weight is
    /// unbiased for Z_A/Z_B, so log Ẑ = log Z_A − log(mean weight) over-estimates log Z in expectation where forward
    /// AIS under-estimates it: the two bracket log Z. With approximate samples (long Gibbs chains, persistent
    /// chains of training) the bracket is only as good as their mixing.
    /// </summary>
    /// <param name="target">The model; every group binary with logits, its energy linear in θ.</param>
    /// <param name="baseModel">The same declaration and sizes at θ_A; its units must be independent.</param>
    /// <param name="options">The schedule, the number of runs (rows of the samples) and the seed.</param>
    /// <param name="targetSamples">One batch per state group of <paramref name="options"/>.Runs rows drawn from the target; copied.</param>
    /// <returns>log Ẑ with its standard error and ±3σ bounds; the log weights are those of Z_A/Z_B.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Run"/>, or the samples do not hold Runs rows per group.</exception>
    public static AisResult RunReverse(IGibbsModel target, IGibbsModel baseModel, AisOptions options, IReadOnlyList<float[]> targetSamples)
    {
        ArgumentNullException.ThrowIfNull(targetSamples);
        return Anneal(target, baseModel, options, targetSamples);
    }

    private static AisResult Anneal(IGibbsModel target, IGibbsModel baseModel, AisOptions options, IReadOnlyList<float[]>? targetSamples)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 2, nameof(options));
        IReadOnlyList<double> betas = options.Betas;
        if (betas.Count < 2 || betas[0] != 0 || betas[^1] != 1)
            throw new ArgumentException($"The schedule must run from β = 0 to β = 1 in at least one step; it has {betas.Count} values.", nameof(options));
        for (int k = 1; k < betas.Count; k++)
            if (!(betas[k] > betas[k - 1]))
                throw new ArgumentException($"The schedule must increase; β{k} = {betas[k]} follows β{k - 1} = {betas[k - 1]}.", nameof(options));
        ModelLayout layout = target.Layout;
        if (!layout.States.Select(g => (g.Name, g.Size, g.Kind)).SequenceEqual(baseModel.Layout.States.Select(g => (g.Name, g.Size, g.Kind)))
            || layout.ParameterCount != baseModel.Layout.ParameterCount)
            throw new ArgumentException($"The base model '{baseModel.Layout.Description.Name}' does not have the state groups and parameter count of '{layout.Description.Name}'.", nameof(baseModel));
        (float[][] baseLogits, double baseLogZ) = AisBaseModel.Factorised(baseModel);

        int runs = options.Runs;
        var thetaA = new float[layout.ParameterCount];
        var thetaB = new float[layout.ParameterCount];
        baseModel.CopyParameters(thetaA);
        target.CopyParameters(thetaB);
        // θ_A + β(θ_B − θ_A) rather than (1 − β)θ_A + βθ_B: with θ_B = θ_A every model on the path is θ_A to the
        // bit, so a trivial path gives weights of exactly 1.
        var delta = new double[thetaA.Length];
        for (int i = 0; i < delta.Length; i++)
            delta[i] = (double)thetaB[i] - thetaA[i];
        IGibbsModel At(double beta)
        {
            var theta = new float[thetaA.Length];
            for (int i = 0; i < theta.Length; i++)
                theta[i] = (float)(thetaA[i] + beta * delta[i]);
            return AisBaseModel.AsGibbs(target.WithParameters(theta));
        }

        float[][] states = targetSamples is null ? SampleBase(layout, baseLogits, runs, options.Seed) : CopySamples(layout, targetSamples, runs);
        CheckLinear(target, baseModel, At(0.5), states);

        // The largest summable group is summed out, as in ExactLogZ, so the weights are ratios of marginals
        // p*_β(x) = e^(−F_β(x)): lower variance than ratios of joints, and what Salakhutdinov & Murray do.
        string? summed = target.Structure.SummableGroups.OrderByDescending(g => layout.States[layout.StateIndex(g)].Size).FirstOrDefault();
        IReadOnlyList<GibbsBlockSlots> blocks = Reorder(GibbsSchedule.Of(target), summed);
        var chunks = Enumerable.Range(0, (runs + ChunkRows - 1) / ChunkRows)
            .Select(c => new Chunk(layout, states, c * ChunkRows, Math.Min(ChunkRows, runs - c * ChunkRows)))
            .ToArray();
        var logWeights = new double[runs];
        ulong steps = (ulong)blocks.Count;
        // Forward, level j runs over β₁ … β_K; reverse, over β_{K−1} … β₀ from samples at β_K. Either way the weight
        // of a step is p*_next(x) / p*_here(x) at the state x that leaves p_here invariant, and x then moves by
        // the transition that leaves p_next invariant, except after the last step.
        int last = betas.Count - 1;
        IGibbsModel Level(int k) => k == last ? target : At(betas[k]);
        IGibbsModel here = Level(targetSamples is null ? 0 : last);
        for (int j = 1; j <= last; j++)
        {
            int k = targetSamples is null ? j : last - j;
            IGibbsModel next = Level(k);
            bool final = j == last;
            ulong firstStep = (ulong)j * steps;
            Parallelism.ForEach(chunks, options.MaxDegreeOfParallelism, chunk =>
            {
                chunk.Potential(here, summed, chunk.Before);
                chunk.Potential(next, summed, chunk.After);
                for (int r = 0; r < chunk.Count; r++)
                    logWeights[chunk.FirstRow + r] += (double)chunk.Before[r] - chunk.After[r];
                if (!final)
                    chunk.Sweep(next, blocks, options.Seed, firstStep);
            });
            here = next;
        }
        return targetSamples is null ? Summarise(logWeights, baseLogZ) : SummariseReverse(logWeights, baseLogZ);
    }

    /// <summary>
    /// Reverse AIS: the weights estimate Z_A/Z_B, so log Ẑ_B = log Z_A − log(mean weight), the standard error by the
    /// delta method as forward, and the ±3σ bounds from the mean weight ∓ 3 standard errors (the lower bound of the
    /// mean gives the upper bound of log Z).
    /// </summary>
    internal static AisResult SummariseReverse(double[] logWeights, double baseLogZ)
    {
        AisResult ratio = Summarise(logWeights, 0);
        return new AisResult(
            baseLogZ - ratio.LogZ,
            ratio.StandardError,
            baseLogZ - ratio.UpperBound,
            double.IsNegativeInfinity(ratio.LowerBound) ? double.PositiveInfinity : baseLogZ - ratio.LowerBound,
            baseLogZ,
            logWeights);
    }

    private static float[][] CopySamples(ModelLayout layout, IReadOnlyList<float[]> samples, int runs)
    {
        if (samples.Count != layout.States.Count)
            throw new ArgumentException($"The target samples hold {samples.Count} state groups; '{layout.Description.Name}' has {layout.States.Count}.", "targetSamples");
        for (int g = 0; g < samples.Count; g++)
            if (samples[g].Length != runs * layout.States[g].Size)
                throw new ArgumentException(
                    $"The target samples of group '{layout.States[g].Name}' hold {samples[g].Length} values, not {runs} runs × {layout.States[g].Size} units.", "targetSamples");
        return samples.Select(s => (float[])s.Clone()).ToArray();
    }

    /// <summary>log Ẑ and its error bars from the log weights (specs/samplers.md, "AIS": estimator and error bars).</summary>
    internal static AisResult Summarise(double[] logWeights, double baseLogZ)
    {
        double max = logWeights.Max();
        int m = logWeights.Length;
        if (!double.IsFinite(max))
            return new AisResult(double.NaN, double.NaN, double.NaN, double.NaN, baseLogZ, logWeights);
        // Weights scaled by e^(−max) so the largest is 1: the mean and its standard error in that scale.
        double mean = 0;
        foreach (double w in logWeights)
            mean += Math.Exp(w - max);
        mean /= m;
        double squares = 0;
        foreach (double w in logWeights)
        {
            double d = Math.Exp(w - max) - mean;
            squares += d * d;
        }
        double stderr = Math.Sqrt(squares / (m - 1) / m);
        double offset = baseLogZ + max;
        double lower = mean - 3 * stderr;
        return new AisResult(
            offset + Math.Log(mean),
            stderr / mean,
            lower > 0 ? offset + Math.Log(lower) : double.NegativeInfinity,
            offset + Math.Log(mean + 3 * stderr),
            baseLogZ,
            logWeights);
    }

    // Exact draws from the factorised base: unit i of group g is on with probability σ(logit). Step 0 is free,
    // since transition k ≥ 1 draws at steps k·B + b; the groups take consecutive even-aligned unit ranges.
    private static float[][] SampleBase(ModelLayout layout, float[][] logits, int runs, ulong seed)
    {
        var states = layout.States.Select(g => new float[runs * g.Size]).ToArray();
        for (int r = 0; r < runs; r++)
        {
            var stream = new RandomStream(seed, (uint)r, 0);
            uint unit = 0;
            for (int g = 0; g < states.Length; g++)
            {
                int size = layout.States[g].Size;
                stream.FillBernoulliLogit(logits[g], states[g].AsSpan(r * size, size), unit);
                unit += (uint)(size + (size & 1));
            }
        }
        return states;
    }

    // The path is the model at interpolated parameters only if E is linear in θ; a cheap necessary check at the
    // base samples: E at the midpoint must be the mean of the ends' energies.
    private static void CheckLinear(IGibbsModel target, IGibbsModel baseModel, IGibbsModel middle, float[][] states)
    {
        var rows = states.Select(s => new ReadOnlyMemory<float>(s)).ToArray();
        int n = states[0].Length / Math.Max(1, target.Layout.States[0].Size);
        var a = new float[n];
        var b = new float[n];
        var c = new float[n];
        baseModel.Energy(rows, a);
        target.Energy(rows, b);
        middle.Energy(rows, c);
        for (int r = 0; r < n; r++)
        {
            double expected = 0.5 * ((double)a[r] + b[r]);
            if (Math.Abs(c[r] - expected) > 1e-4 * (1 + Math.Abs(a[r]) + Math.Abs(b[r])))
                throw new ArgumentException(
                    $"The energy of '{target.Layout.Description.Name}' is not linear in its parameters: at run {r}'s initial state E is {a[r]} at the base, {b[r]} at the target and {c[r]} halfway, not {expected}. AIS along the parameter path needs a linear energy.",
                    nameof(target));
        }
    }

    // A transition for the marginal of the other groups must first redraw the summed group given them; the
    // remaining blocks then follow in their declared order.
    private static IReadOnlyList<GibbsBlockSlots> Reorder(IReadOnlyList<GibbsBlockSlots> blocks, string? summed) =>
        summed is null ? blocks : blocks.Where(b => b.Groups.Any(g => g.Name == summed)).Concat(blocks.Where(b => b.Groups.All(g => g.Name != summed))).ToArray();

    /// <summary>A fixed range of runs with its scratch memory; one thread at a time works on it.</summary>
    private sealed class Chunk
    {
        private readonly ModelLayout layout;
        private readonly Memory<float>[] rows;
        private readonly ReadOnlyMemory<float>[] readRows;
        private readonly float[][] logits;

        public Chunk(ModelLayout layout, float[][] states, int firstRow, int count)
        {
            this.layout = layout;
            FirstRow = firstRow;
            Count = count;
            int groups = layout.States.Count;
            rows = new Memory<float>[groups];
            readRows = new ReadOnlyMemory<float>[groups];
            logits = new float[groups][];
            for (int g = 0; g < groups; g++)
            {
                int size = layout.States[g].Size;
                rows[g] = new Memory<float>(states[g], firstRow * size, count * size);
                readRows[g] = rows[g];
                logits[g] = new float[count * size];
            }
            Before = new float[count];
            After = new float[count];
        }

        public int FirstRow { get; }

        public int Count { get; }

        public float[] Before { get; }

        public float[] After { get; }

        // −log p*(x): the free energy with the summed group out, or the energy when nothing is summable.
        public void Potential(IGibbsModel model, string? summed, float[] destination)
        {
            if (summed is null)
                model.Energy(readRows, destination);
            else
                model.FreeEnergy(summed, readRows, destination);
        }

        // One Gibbs sweep at the given model with the keying of GibbsSampler: block b at step firstStep + b.
        public void Sweep(IGibbsModel model, IReadOnlyList<GibbsBlockSlots> blocks, ulong seed, ulong firstStep)
        {
            for (int b = 0; b < blocks.Count; b++)
            {
                ulong step = firstStep + (ulong)b;
                if (blocks[b].IsSequential)
                {
                    GibbsGroupSlot slot = blocks[b].Groups[0];
                    float[] l = logits[slot.Index];
                    for (int i = 0; i < slot.Size; i++)
                    {
                        model.ConditionalLogits(slot.Name, readRows, l);
                        Span<float> target = rows[slot.Index].Span;
                        for (int r = 0; r < Count; r++)
                            target[r * slot.Size + i] = new RandomStream(seed, (uint)(FirstRow + r), step).BernoulliLogit(slot.FirstUnit + (uint)i, l[r * slot.Size + i]) ? 1f : 0f;
                    }
                    continue;
                }
                foreach (GibbsGroupSlot slot in blocks[b].Groups)
                    model.ConditionalLogits(slot.Name, readRows, logits[slot.Index]);
                foreach (GibbsGroupSlot slot in blocks[b].Groups)
                {
                    Span<float> target = rows[slot.Index].Span;
                    for (int r = 0; r < Count; r++)
                        new RandomStream(seed, (uint)(FirstRow + r), step)
                            .FillBernoulliLogit(logits[slot.Index].AsSpan(r * slot.Size, slot.Size), target.Slice(r * slot.Size, slot.Size), slot.FirstUnit);
                }
            }
        }
    }
}
