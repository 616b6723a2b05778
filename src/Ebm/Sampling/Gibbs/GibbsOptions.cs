namespace Ebm.Sampling;

/// <summary>How long to run a Gibbs sampler, with which seed, and what to record.</summary>
/// <param name="Sweeps">The number of sweeps; each updates every Gibbs block once, in order.</param>
/// <param name="Seed">The run's seed: with the chains' starting states it determines the result bit for bit, whatever the thread count.</param>
public sealed record GibbsOptions(int Sweeps, ulong Seed)
{
    /// <summary>
    /// The global index of the first sweep (0 by default). Draws are keyed by the global sweep, so continuing
    /// persistent chains from <see cref="GibbsResult.States"/> with <c>FirstSweep = result.NextSweep</c> and the
    /// same seed gives the same chains as one longer run.
    /// </summary>
    public ulong FirstSweep { get; init; }

    /// <summary>Sweeps run before any recording (0 by default).</summary>
    public int BurnIn { get; init; }

    /// <summary>Record the states after every this many sweeps past the burn-in; 0 (the default) records nothing.</summary>
    public int RecordEvery { get; init; }

    /// <summary>The most threads to use; −1 (the default) lets the runtime decide. It never changes the result.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
