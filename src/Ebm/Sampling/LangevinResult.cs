namespace Ebm.Sampling;

/// <summary>What a Langevin run returns.</summary>
/// <param name="States">The final chains: one row-major [chains × size] array per continuous group, in the order of
/// <see cref="ModelLayout.ContinuousStates"/>. Pass them back as the initial states to continue (persistent chains).</param>
/// <param name="Recorded">Copies of all chains after every <c>RecordEvery</c>-th move, oldest first; empty when not recording.</param>
/// <param name="AcceptedMoves">Per chain, the moves accepted; ULA and annealed Langevin accept every move.</param>
/// <param name="ProposedMoves">Moves proposed to each chain.</param>
/// <param name="AcceptanceRate">Accepted over proposed moves, all chains together (1 for ULA; NaN when nothing was proposed).</param>
/// <param name="GradientEvaluations">State gradients evaluated, one per chain per evaluation: ULA n·steps, MALA n·(steps + 1).</param>
public sealed record LangevinResult(
    IReadOnlyList<float[]> States,
    IReadOnlyList<LangevinSample> Recorded,
    IReadOnlyList<long> AcceptedMoves,
    long ProposedMoves,
    double AcceptanceRate,
    long GradientEvaluations);

/// <summary>All chains as they were after a number of moves of a run.</summary>
/// <param name="Step">Moves made since the start of the run (1-based: the first move gives 1).</param>
/// <param name="States">One row-major [chains × size] array per continuous group.</param>
public sealed record LangevinSample(long Step, IReadOnlyList<float[]> States);
