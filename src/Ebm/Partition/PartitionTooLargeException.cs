namespace Ebm.Partition;

/// <summary>
/// Exact enumeration would visit more states than the limit allows. Its message names the model, the groups,
/// the count and the limit, and suggests annealed importance sampling (AIS) to estimate log Z instead.
/// </summary>
public sealed class PartitionTooLargeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="enumeratedGroups">The groups that would be enumerated.</param>
    /// <param name="units">Their number of binary units: 2^units states.</param>
    /// <param name="limit">The largest number of states allowed.</param>
    /// <param name="summedGroup">The group summed out analytically, or null.</param>
    public PartitionTooLargeException(string modelName, IReadOnlyList<string> enumeratedGroups, int units, long limit, string? summedGroup)
        : base(
            $"Exact log Z of '{modelName}' would enumerate 2^{units} states of ({string.Join(", ", enumeratedGroups)})"
            + (summedGroup is null ? "" : $" after summing out '{summedGroup}'")
            + $", more than the limit of {limit:N0} states. Estimate log Z with annealed importance sampling (AIS) instead, or raise the limit if the time is acceptable.",
            "model")
    {
        Units = units;
        Limit = limit;
    }

    /// <summary>The number of binary units that would be enumerated.</summary>
    public int Units { get; }

    /// <summary>The largest number of enumerated states allowed.</summary>
    public long Limit { get; }
}
