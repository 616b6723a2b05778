namespace Ebm.Sampling;

/// <summary>
/// The recorded states of a run, allocated up front so that chunks write their own rows of each sample from
/// any thread without locks.
/// </summary>
internal sealed class SampleRecorder
{
    private readonly IEnergyModel model;
    private readonly int burnIn;
    private readonly int every;
    private readonly GibbsSample[] samples;

    public SampleRecorder(IEnergyModel model, int rows, int sweeps, int burnIn, int every)
    {
        this.model = model;
        this.burnIn = burnIn;
        this.every = every;
        int count = every > 0 && sweeps > burnIn ? (sweeps - burnIn) / every : 0;
        samples = Enumerable.Range(1, count)
            .Select(k => new GibbsSample(burnIn + k * every,
                model.Layout.States.Select(g => new float[rows * g.Size]).ToArray()))
            .ToArray();
    }

    /// <summary>The samples, in sweep order.</summary>
    public IReadOnlyList<GibbsSample> Samples => samples;

    /// <summary>After sweep <paramref name="sweep"/> (1-based), copies the chunk's rows into the sample due then, if any.</summary>
    /// <param name="sweep">The sweep just finished.</param>
    /// <param name="chunk">The chunk.</param>
    /// <param name="targetRow">The first row of the sample that receives the chunk's first row.</param>
    public void Record(int sweep, GibbsChunk chunk, int targetRow) =>
        Record(sweep, chunk, targetRow, chunk.Count, 0, 1);

    /// <summary>
    /// As <see cref="Record(int, GibbsChunk, int)"/>, but copies <paramref name="count"/> rows of the chunk taken
    /// every <paramref name="stride"/> rows from row <paramref name="offset"/> (one replica of each chain).
    /// </summary>
    public void Record(int sweep, GibbsChunk chunk, int targetRow, int count, int offset, int stride)
    {
        if (every == 0 || sweep <= burnIn || (sweep - burnIn) % every != 0)
            return;
        GibbsSample sample = samples[(sweep - burnIn) / every - 1];
        for (int g = 0; g < sample.States.Count; g++)
        {
            int size = model.Layout.States[g].Size;
            ReadOnlySpan<float> source = chunk.States[g].Span;
            Span<float> target = sample.States[g];
            for (int r = 0; r < count; r++)
                source.Slice((offset + r * stride) * size, size).CopyTo(target.Slice((targetRow + r) * size, size));
        }
    }
}
