namespace Ebm.OpenCL.Tests.Models;

/// <summary>Per-unit sample means and variances over every recorded row, and a two-sample comparison of them.</summary>
internal sealed record Moments(double[] Mean, double[] Variance, long Count)
{
    public static Moments Of(IEnumerable<float[]> samples, int size)
    {
        var sum = new double[size];
        var squares = new double[size];
        long rows = 0;
        foreach (float[] sample in samples)
            for (int r = 0; r < sample.Length / size; r++, rows++)
                for (int i = 0; i < size; i++)
                {
                    double x = sample[r * size + i];
                    sum[i] += x;
                    squares[i] += x * x;
                }
        var mean = sum.Select(s => s / rows).ToArray();
        var variance = squares.Select((s, i) => s / rows - mean[i] * mean[i]).ToArray();
        return new Moments(mean, variance, rows);
    }

    /// <summary>
    /// Means within 6 standard errors of their difference, and variances within 6 standard errors too (the standard
    /// error of a variance taken as √2·σ²/√n, the normal case, widened by 1.5 for heavier tails). The rows are treated as
    /// independent although a chain's samples are correlated; the effective count is taken as a tenth of the rows, which
    /// the thinning and the chains' mixing on these small models leave conservative. Deterministic: fixed seeds.
    /// </summary>
    public static void AssertAgree(Moments a, Moments b, string what)
    {
        double n = Math.Min(a.Count, b.Count) / 10.0;
        for (int i = 0; i < a.Mean.Length; i++)
        {
            double pooled = (a.Variance[i] + b.Variance[i]) / 2;
            double meanTolerance = 6 * Math.Sqrt(2 * pooled / n) + 1e-6;
            double varianceTolerance = 6 * 1.5 * Math.Sqrt(2.0 / n) * pooled * Math.Sqrt(2) + 1e-6;
            Assert.True(Math.Abs(a.Mean[i] - b.Mean[i]) <= meanTolerance,
                $"{what}[{i}]: mean {a.Mean[i]:G6} (CPU) vs {b.Mean[i]:G6} (OpenCL), tolerance {meanTolerance:G3}");
            Assert.True(Math.Abs(a.Variance[i] - b.Variance[i]) <= varianceTolerance,
                $"{what}[{i}]: variance {a.Variance[i]:G6} (CPU) vs {b.Variance[i]:G6} (OpenCL), tolerance {varianceTolerance:G3}");
        }
    }
}
