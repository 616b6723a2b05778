namespace Ebm.Partition;

/// <summary>An exact log partition function and how it was computed.</summary>
/// <param name="LogZ">log Z = log Σ e^(−E) over every binary state, accumulated in double precision.</param>
/// <param name="SummedGroup">The group marginalised analytically through the free energy, or null when every group was enumerated.</param>
/// <param name="EnumeratedGroups">The groups whose states were enumerated, in layout order.</param>
/// <param name="EnumeratedStates">The number of states enumerated: 2 to the number of their units.</param>
public sealed record ExactLogZResult(double LogZ, string? SummedGroup, IReadOnlyList<string> EnumeratedGroups, long EnumeratedStates)
{
    /// <summary>The enumerated groups (a read-only copy).</summary>
    public IReadOnlyList<string> EnumeratedGroups { get; init => field = value.ToArray(); } = EnumeratedGroups.ToArray();

    /// <summary>Equal when every value is, the groups entry by entry.</summary>
    public bool Equals(ExactLogZResult? other) =>
        other is not null && LogZ.Equals(other.LogZ) && SummedGroup == other.SummedGroup
        && EnumeratedGroups.SequenceEqual(other.EnumeratedGroups) && EnumeratedStates == other.EnumeratedStates;

    /// <summary>Consistent with <see cref="Equals(ExactLogZResult)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(LogZ, SummedGroup, EnumeratedGroups.Count, EnumeratedStates);
}
