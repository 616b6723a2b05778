namespace Ebm.Partition;

/// <summary>
/// Inverse-temperature schedules 0 = β₀ &lt; β₁ &lt; … &lt; β_K = 1 for <see cref="AnnealedImportanceSampling"/>:
/// K transitions, K + 1 values.
/// </summary>
public static class AisSchedule
{
    /// <summary>
    /// Salakhutdinov &amp; Murray's (2008) schedule of K = 14,500 transitions: 500 βs spaced uniformly in (0, 0.5],
    /// 4,000 in (0.5, 0.9] and 10,000 in (0.9, 1]. It is dense near 1, where a trained model's distribution
    /// changes fastest with β.
    /// </summary>
    /// <returns>The 14,501 values β₀ = 0, …, β_K = 1.</returns>
    public static IReadOnlyList<double> SalakhutdinovMurray() => Piecewise([0.5, 0.9, 1.0], [500, 4000, 10000]);

    /// <summary>The same shape as <see cref="SalakhutdinovMurray()"/> with every segment's count scaled by <paramref name="fraction"/> (at least 1 each).</summary>
    /// <param name="fraction">The share of the 14,500 transitions to keep, in (0, 1].</param>
    /// <returns>The βs from 0 to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is not in (0, 1].</exception>
    public static IReadOnlyList<double> SalakhutdinovMurray(double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction of the 14,500 transitions must be in (0, 1].");
        return Piecewise([0.5, 0.9, 1.0], new[] { 500, 4000, 10000 }.Select(n => Math.Max(1, (int)Math.Round(n * fraction))).ToArray());
    }

    /// <summary><paramref name="transitions"/> βs spaced uniformly in (0, 1].</summary>
    /// <param name="transitions">K ≥ 1.</param>
    /// <returns>The K + 1 values k/K.</returns>
    /// <exception cref="ArgumentOutOfRangeException">K &lt; 1.</exception>
    public static IReadOnlyList<double> Uniform(int transitions) => Piecewise([1.0], [transitions]);

    /// <summary>
    /// Segments of uniformly spaced βs: segment s holds counts[s] values spaced uniformly in (ends[s − 1], ends[s]]
    /// (ends[−1] = 0), so its last value is exactly ends[s].
    /// </summary>
    /// <param name="ends">Increasing segment ends in (0, 1], the last one 1.</param>
    /// <param name="counts">The number of βs in each segment, each ≥ 1.</param>
    /// <returns>β₀ = 0 followed by Σ counts values ending at 1.</returns>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, the ends do not increase to 1, or a count is below 1.</exception>
    public static IReadOnlyList<double> Piecewise(IReadOnlyList<double> ends, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(ends);
        ArgumentNullException.ThrowIfNull(counts);
        if (ends.Count == 0 || ends.Count != counts.Count)
            throw new ArgumentException($"A schedule needs one count per segment end and at least one segment; got {ends.Count} ends and {counts.Count} counts.", nameof(counts));
        if (ends[^1] != 1.0)
            throw new ArgumentException($"The last segment must end at β = 1, not {ends[^1]}.", nameof(ends));
        var betas = new List<double>(counts.Sum() + 1) { 0.0 };
        double start = 0;
        for (int s = 0; s < ends.Count; s++)
        {
            if (!(ends[s] > start))
                throw new ArgumentException($"The segment ends must increase from 0 to 1; end {s} is {ends[s]} after {start}.", nameof(ends));
            if (counts[s] < 1)
                throw new ArgumentException($"Segment {s} has {counts[s]} βs; each needs at least 1.", nameof(counts));
            for (int j = 1; j <= counts[s]; j++)
                betas.Add(j == counts[s] ? ends[s] : start + (ends[s] - start) * j / counts[s]);
            start = ends[s];
        }
        return betas.AsReadOnly();
    }
}
