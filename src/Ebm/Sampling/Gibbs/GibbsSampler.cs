namespace Ebm.Sampling;

/// <summary>
/// Block and sequential Gibbs sampling over any <see cref="IGibbsModel"/>, batched over persistent chains
/// (specs/samplers.md, "Gibbs and parallel tempering").
/// </summary>
public static class GibbsSampler
{
    /// <summary>
    /// Chains per worker. Fixed, so that every model call sees the same batches whatever the thread count:
    /// a batched kernel may round differently for a different row count, and the result must not depend on
    /// the threads.
    /// </summary>
    internal const int ChunkRows = 64;

    /// <summary>
    /// Runs <paramref name="options"/>.Sweeps sweeps of every chain. One sweep updates the model's Gibbs blocks in
    /// order: a parallel block draws all units of its groups at once (binary: Bernoulli(σ(logit)); Gaussian:
    /// mean + √variance·z), a sequential block draws its group unit by unit from logits recomputed after each unit.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="initialStates">The chains' starting states: one row-major array per state group (rows are chains), in the order of <see cref="ModelLayout.States"/>. Not modified. Groups in no block keep their values.</param>
    /// <param name="options">Sweeps, seed, burn-in, recording.</param>
    /// <returns>The final states, the recorded samples and the next global sweep.</returns>
    /// <exception cref="ArgumentException">The model has no Gibbs blocks, or the states do not match its groups.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative sweeps, burn-in or recording interval.</exception>
    public static GibbsResult Run(IGibbsModel model, IReadOnlyList<float[]> initialStates, GibbsOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Sweeps, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.BurnIn, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RecordEvery, nameof(options));
        IReadOnlyList<GibbsBlockSlots> blocks = GibbsSchedule.Of(model);
        int chains = ChainBatch.Rows(model, initialStates, nameof(initialStates));
        float[][] states = ChainBatch.Copy(initialStates);
        var recorder = new SampleRecorder(model, chains, options.Sweeps, options.BurnIn, options.RecordEvery);
        ulong stepsPerSweep = (ulong)blocks.Count;

        var chunks = Enumerable.Range(0, (chains + ChunkRows - 1) / ChunkRows)
            .Select(k => new GibbsChunk(model, blocks, options.Seed, states, k * ChunkRows, Math.Min(ChunkRows, chains - k * ChunkRows), null))
            .ToArray();
        Parallelism.ForEach(chunks, options.MaxDegreeOfParallelism, chunk =>
        {
            for (int s = 1; s <= options.Sweeps; s++)
            {
                chunk.Sweep((options.FirstSweep + (ulong)(s - 1)) * stepsPerSweep);
                recorder.Record(s, chunk, chunk.FirstRow);
            }
        });
        return new GibbsResult(states, recorder.Samples, options.FirstSweep + (ulong)options.Sweeps);
    }

    /// <summary>Runs <paramref name="sweeps"/> sweeps with seed <paramref name="seed"/>, recording nothing.</summary>
    /// <inheritdoc cref="Run(IGibbsModel, IReadOnlyList{float[]}, GibbsOptions)"/>
    public static GibbsResult Run(IGibbsModel model, IReadOnlyList<float[]> initialStates, int sweeps, ulong seed) =>
        Run(model, initialStates, new GibbsOptions(sweeps, seed));
}
