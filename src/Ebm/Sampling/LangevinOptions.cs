namespace Ebm.Sampling;

/// <summary>
/// Settings of an unadjusted (ULA) or Metropolis-adjusted (MALA) Langevin run: x ← x − α∇ₓE + √(2α)·z
/// (specs/samplers.md). The init-only members are optional; their defaults switch the feature off.
/// </summary>
/// <param name="StepSize">α &gt; 0: the drift is −α∇E and the noise has variance 2α per unit.</param>
/// <param name="Steps">Moves per chain, ≥ 0.</param>
/// <param name="Seed">The run's seed: chain c draws its move at step t from <c>RandomStream(Seed, c, FirstStep + t)</c>.</param>
public sealed record LangevinOptions(float StepSize, int Steps, ulong Seed)
{
    /// <summary>The RandomStream step of the first move; continue persistent chains with the previous run's FirstStep + Steps.</summary>
    public long FirstStep { get; init; }

    /// <summary>The largest Euclidean norm of the drift −α∇E of one chain in one move (all groups together); +∞: no clipping.</summary>
    public float MaxDriftNorm { get; init; } = float.PositiveInfinity;

    /// <summary>Every unit stays ≥ this. ULA clamps the move; MALA rejects a proposal that leaves the box.</summary>
    public float LowerBound { get; init; } = float.NegativeInfinity;

    /// <summary>Every unit stays ≤ this. ULA clamps the move; MALA rejects a proposal that leaves the box.</summary>
    public float UpperBound { get; init; } = float.PositiveInfinity;

    /// <summary>Record a copy of all chains after every k-th move (thinning); 0 records nothing.</summary>
    public int RecordEvery { get; init; }

    /// <summary>Threads working on chunks of chains; the samples do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
