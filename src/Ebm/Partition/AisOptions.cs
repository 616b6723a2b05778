namespace Ebm.Partition;

/// <summary>Options of <see cref="AnnealedImportanceSampling"/>.</summary>
/// <param name="Betas">The schedule 0 = β₀ &lt; … &lt; β_K = 1 (<see cref="AisSchedule"/>).</param>
/// <param name="Runs">M, the number of independent annealing runs (chains), ≥ 2 so that a standard error exists.</param>
/// <param name="Seed">The seed of every random draw (specs/samplers.md, "AIS").</param>
public sealed record AisOptions(IReadOnlyList<double> Betas, int Runs, ulong Seed)
{
    /// <summary>The schedule (a read-only copy).</summary>
    public IReadOnlyList<double> Betas { get; init => field = value.ToArray(); } = Betas.ToArray();

    /// <summary>The most threads to use; −1 for no limit. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Equal when every value is, the schedules entry by entry.</summary>
    /// <param name="other">The options to compare with.</param>
    /// <returns>True when both describe the same run.</returns>
    public bool Equals(AisOptions? other) =>
        other is not null && Runs == other.Runs && Seed == other.Seed && MaxDegreeOfParallelism == other.MaxDegreeOfParallelism
        && Betas.SequenceEqual(other.Betas);

    /// <summary>Consistent with <see cref="Equals(AisOptions)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Betas.Count, Runs, Seed, MaxDegreeOfParallelism);
}
