namespace Ebm.Statistics;

/// <summary>The maximum mean discrepancy between two samples, a two-sample distance for comparing samplers.</summary>
public static class MaximumMeanDiscrepancy
{
    /// <summary>
    /// The unbiased estimator of MMD² with the Gaussian kernel k(a, b) = exp(−‖a − b‖²/(2h²)) (Gretton et al. 2012, eq. 3):
    /// Σ_{i≠j} k(xᵢ, xⱼ)/(m(m−1)) + Σ_{i≠j} k(yᵢ, yⱼ)/(n(n−1)) − 2 Σᵢⱼ k(xᵢ, yⱼ)/(mn). Its expectation is MMD², 0 when
    /// both samples come from one law, so an estimate can be slightly negative. O((m + n)²·d) work.
    /// </summary>
    /// <param name="x">m ≥ 2 rows of <paramref name="dimension"/> values.</param>
    /// <param name="y">n ≥ 2 rows of <paramref name="dimension"/> values.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="bandwidth">h &gt; 0.</param>
    /// <returns>The unbiased MMD² estimate.</returns>
    public static double UnbiasedSquared(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, double bandwidth)
    {
        int m = SampleStatistics.Rows(x, dimension), n = SampleStatistics.Rows(y, dimension);
        if (m < 2 || n < 2)
            throw new ArgumentException("The unbiased MMD needs at least two rows in each sample.", m < 2 ? nameof(x) : nameof(y));
        if (!(bandwidth > 0 && double.IsFinite(bandwidth)))
            throw new ArgumentOutOfRangeException(nameof(bandwidth), bandwidth, "The bandwidth must be positive and finite.");
        double scale = -1 / (2 * bandwidth * bandwidth);
        double xx = 2 * SumPairs(x, x, dimension, scale, true) / ((double)m * (m - 1));
        double yy = 2 * SumPairs(y, y, dimension, scale, true) / ((double)n * (n - 1));
        double xy = SumPairs(x, y, dimension, scale, false) / ((double)m * n);
        return xx + yy - 2 * xy;
    }

    private static double SumPairs(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int d, double scale, bool upperOnly)
    {
        int m = a.Length / d, n = b.Length / d;
        double sum = 0;
        for (int i = 0; i < m; i++)
            for (int j = upperOnly ? i + 1 : 0; j < n; j++)
            {
                double d2 = 0;
                for (int k = 0; k < d; k++)
                {
                    double t = (double)a[i * d + k] - b[j * d + k];
                    d2 += t * t;
                }
                sum += Math.Exp(scale * d2);
            }
        return sum;
    }
}
