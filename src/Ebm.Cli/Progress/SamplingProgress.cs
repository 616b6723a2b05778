using Ebm.Sampling;

namespace Ebm.Cli.Progress;

/// <summary>Long sampling runs cut into pieces so a bar can follow them, with the result of one uncut run.</summary>
internal static class SamplingProgress
{
    /// <summary>Pieces a run is cut into for its bar: enough to move smoothly, few enough to cost nothing.</summary>
    private const int Pieces = 50;

    /// <summary>
    /// <paramref name="sweeps"/> Gibbs sweeps in pieces; each piece continues the last one's chains at its
    /// <see cref="GibbsResult.NextSweep"/>, and draws are keyed by the global sweep, so the chains end as
    /// <c>GibbsSampler.Run(model, start, sweeps, seed)</c> leaves them.
    /// </summary>
    public static GibbsResult Gibbs(ProgressDisplay progress, string name, IGibbsModel model, IReadOnlyList<float[]> start, int sweeps, ulong seed)
    {
        if (!progress.IsOn)
            return GibbsSampler.Run(model, start, sweeps, seed);
        return progress.Run(name, sweeps, stage => Pieced(model, start, sweeps, seed, done => stage.Report(done)));
    }

    internal static GibbsResult Pieced(IGibbsModel model, IReadOnlyList<float[]> start, int sweeps, ulong seed, Action<int> reached)
    {
        int piece = Math.Max(1, (sweeps + Pieces - 1) / Pieces);
        GibbsResult result = GibbsSampler.Run(model, start, Math.Min(piece, sweeps), seed);
        for (int done = Math.Min(piece, sweeps); ; done += piece)
        {
            reached(Math.Min(done, sweeps));
            if (done >= sweeps)
                return result;
            result = GibbsSampler.Run(model, result.States, new GibbsOptions(Math.Min(piece, sweeps - done), seed) { FirstSweep = result.NextSweep });
        }
    }
}
