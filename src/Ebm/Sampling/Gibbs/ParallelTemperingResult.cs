namespace Ebm.Sampling;

/// <summary>What a parallel-tempering run returns.</summary>
/// <param name="Replicas">Every replica's final state, rows chain-major (chain c, replica k at row c·K + k with K replicas): pass them back to continue.</param>
/// <param name="States">Replica 0 (β = 1) of every chain, one row per chain.</param>
/// <param name="Samples">Replica 0's recorded states, one row per chain, in sweep order.</param>
/// <param name="SwapAcceptanceRates">Entry k: the fraction of proposed swaps between replicas k and k + 1 that were accepted (NaN if none was proposed).</param>
/// <param name="NextSweep">The global sweep after the last one run: the <see cref="ParallelTemperingOptions.FirstSweep"/> that continues these chains.</param>
public sealed record ParallelTemperingResult(
    IReadOnlyList<float[]> Replicas,
    IReadOnlyList<float[]> States,
    IReadOnlyList<GibbsSample> Samples,
    IReadOnlyList<double> SwapAcceptanceRates,
    ulong NextSweep);
