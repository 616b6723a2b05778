namespace Ebm.Sampling;

/// <summary>The states of every chain after a given sweep.</summary>
/// <param name="Sweep">The number of sweeps run in this call when the states were taken (1-based: after the Sweep-th sweep).</param>
/// <param name="States">One row-major array per state group, rows being chains, in the order of <see cref="ModelLayout.States"/>.</param>
public sealed record GibbsSample(int Sweep, IReadOnlyList<float[]> States);

/// <summary>What a Gibbs run returns.</summary>
/// <param name="States">The final states, laid out like the starting states: pass them back to continue persistent chains.</param>
/// <param name="Samples">The recorded states, in sweep order (empty unless <see cref="GibbsOptions.RecordEvery"/> is positive).</param>
/// <param name="NextSweep">The global sweep after the last one run: the <see cref="GibbsOptions.FirstSweep"/> that continues these chains.</param>
public sealed record GibbsResult(IReadOnlyList<float[]> States, IReadOnlyList<GibbsSample> Samples, ulong NextSweep);
