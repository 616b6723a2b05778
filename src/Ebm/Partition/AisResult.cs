namespace Ebm.Partition;

/// <summary>An annealed-importance-sampling estimate of log Z.</summary>
/// <param name="LogZ">log Ẑ = log Z_A + log of the mean importance weight. Its exponential is unbiased for Z; log Ẑ itself tends to underestimate log Z.</param>
/// <param name="StandardError">The delta-method standard error of log Ẑ: the standard error of the mean weight divided by the mean weight.</param>
/// <param name="LowerBound">log Z_A + log(mean − 3·standard error of the weights); −∞ when that is not positive.</param>
/// <param name="UpperBound">log Z_A + log(mean + 3·standard error of the weights).</param>
/// <param name="BaseLogZ">log Z_A of the base model.</param>
/// <param name="LogWeights">The log importance weight of each run, in run order.</param>
public sealed record AisResult(double LogZ, double StandardError, double LowerBound, double UpperBound, double BaseLogZ, IReadOnlyList<double> LogWeights)
{
    /// <summary>The log weights (a read-only copy).</summary>
    public IReadOnlyList<double> LogWeights { get; init => field = value.ToArray(); } = LogWeights.ToArray();

    /// <summary>Equal when every value is, the weights entry by entry.</summary>
    /// <param name="other">The result to compare with.</param>
    /// <returns>True when both hold the same numbers.</returns>
    public bool Equals(AisResult? other) =>
        other is not null && LogZ.Equals(other.LogZ) && StandardError.Equals(other.StandardError)
        && LowerBound.Equals(other.LowerBound) && UpperBound.Equals(other.UpperBound) && BaseLogZ.Equals(other.BaseLogZ)
        && LogWeights.SequenceEqual(other.LogWeights);

    /// <summary>Consistent with <see cref="Equals(AisResult)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(LogZ, StandardError, BaseLogZ, LogWeights.Count);
}
