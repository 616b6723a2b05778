using Ebm.Training;

namespace Ebm.Contrastive;

/// <summary>
/// The seeds of the contrastive trainer's purposes, mixed from the run's seed like <see cref="TrainingSeeds"/> but with
/// purposes of their own, far above the Boltzmann trainer's (AIS takes 6 + epoch) and apart from the score trainer's
/// (1,000,001 on); the epoch order reuses the Boltzmann trainer's shuffle (purpose 1).
/// </summary>
internal static class ContrastiveSeeds
{
    /// <summary>Fresh noise of buffer slot s (or persistent chain s) at the start: stream s, step 0, units 0 … D − 1.</summary>
    public const ulong Buffer = 2_000_001;

    /// <summary>Chain j of update u: stream j, step u; unit 0 the restart uniform, 1 the slot, 2 … D + 1 the fresh noise.</summary>
    public const ulong Restart = 2_000_002;

    /// <summary>Move k of update u, chain j: stream j, step u·K + k, normals on units 0 … D − 1.</summary>
    public const ulong Langevin = 2_000_003;

    /// <summary><see cref="Manifold2D.Sample"/>: chain j's uniform start, stream j, step 0.</summary>
    public const ulong SampleStart = 2_000_004;

    /// <summary><see cref="Manifold2D.Sample"/>: move t of chain j, stream j, step t.</summary>
    public const ulong SampleMoves = 2_000_005;

    public static ulong For(ulong seed, ulong purpose) => TrainingSeeds.For(seed, purpose);
}
