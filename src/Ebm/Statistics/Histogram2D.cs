namespace Ebm.Statistics;

/// <summary>
/// Counts of 2-D points on a regular grid of half-open cells [x₀ + i·Δx, x₀ + (i + 1)·Δx) × [y₀ + j·Δy, …).
/// </summary>
/// <param name="XMin">Left edge of the grid.</param>
/// <param name="XMax">Right edge (points at or beyond it are outside).</param>
/// <param name="XBins">Cells along x.</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge (points at or beyond it are outside).</param>
/// <param name="YBins">Cells along y.</param>
/// <param name="Counts">Row-major [XBins × YBins]: cell (i, j) at i·YBins + j.</param>
/// <param name="Outside">Points outside the grid, NaN included.</param>
public sealed record Histogram2D(double XMin, double XMax, int XBins, double YMin, double YMax, int YBins, IReadOnlyList<long> Counts, long Outside)
{
    /// <summary>Counts the rows of <paramref name="points"/>, laid out [n × 2] row-major (x, y).</summary>
    /// <param name="points">n rows of two values.</param>
    /// <param name="xMin">Left edge.</param>
    /// <param name="xMax">Right edge, &gt; xMin.</param>
    /// <param name="xBins">Cells along x, ≥ 1.</param>
    /// <param name="yMin">Bottom edge.</param>
    /// <param name="yMax">Top edge, &gt; yMin.</param>
    /// <param name="yBins">Cells along y, ≥ 1.</param>
    /// <returns>The histogram.</returns>
    public static Histogram2D Count(ReadOnlySpan<float> points, double xMin, double xMax, int xBins, double yMin, double yMax, int yBins)
    {
        if (points.Length % 2 != 0)
            throw new ArgumentException($"{points.Length} values are not whole (x, y) rows.", nameof(points));
        ArgumentOutOfRangeException.ThrowIfLessThan(xBins, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(yBins, 1);
        if (!(xMin < xMax) || !(yMin < yMax))
            throw new ArgumentException($"The grid [{xMin}, {xMax}) × [{yMin}, {yMax}) is empty.", nameof(xMax));
        var counts = new long[xBins * yBins];
        long outside = 0;
        for (int r = 0; r < points.Length / 2; r++)
        {
            double x = points[2 * r], y = points[2 * r + 1];
            double fx = (x - xMin) / (xMax - xMin) * xBins, fy = (y - yMin) / (yMax - yMin) * yBins;
            // Negated comparisons send NaN outside too.
            if (!(fx >= 0 && fx < xBins && fy >= 0 && fy < yBins))
            {
                outside++;
                continue;
            }
            counts[(int)fx * yBins + (int)fy]++;
        }
        return new Histogram2D(xMin, xMax, xBins, yMin, yMax, yBins, Array.AsReadOnly(counts), outside);
    }
}
