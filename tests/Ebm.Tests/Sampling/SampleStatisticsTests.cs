using Ebm.Rng;
using Ebm.Statistics;

namespace Ebm.Tests.Sampling;

public class SampleStatisticsTests
{
    [Fact]
    public void MeanCovarianceAndMomentsOfASmallSample()
    {
        float[] s = [1, 2, 3, 6, 5, 1];
        Assert.Equal([3.0, 3.0], SampleStatistics.Mean(s, 2));
        // Deviations (−2, −1), (0, 3), (2, −2): sums of products 8, −2, 14 over n − 1 = 2.
        Assert.Equal([4.0, -1.0, -1.0, 7.0], SampleStatistics.Covariance(s, 2));
        Assert.Equal([0.0, 18.0 / 3], SampleStatistics.CentralMoment(s, 2, 3));
        Assert.Throws<ArgumentException>(() => SampleStatistics.Mean([1, 2, 3], 2));
    }

    /// <summary>Independent normals: ESS ≈ n (within 10%).</summary>
    [Fact]
    public void EffectiveSampleSizeOfIndependentDrawsIsAboutN()
    {
        var z = new float[20_000];
        new RandomStream(5, 0, 0).FillNormal(z);
        double ess = SampleStatistics.EffectiveSampleSize(z);
        Assert.InRange(ess, 18_000, 22_000);
    }

    /// <summary>An AR(1) series with ρ = 0.9 has τ = (1 + ρ)/(1 − ρ) = 19, so ESS ≈ n/19 (within 20%).</summary>
    [Fact]
    public void EffectiveSampleSizeOfAnAutoregressiveSeries()
    {
        const int n = 50_000;
        const double rho = 0.9;
        var z = new float[n];
        new RandomStream(6, 0, 0).FillNormal(z);
        var x = new float[n];
        double v = 0;
        for (int i = 0; i < n; i++)
            x[i] = (float)(v = rho * v + Math.Sqrt(1 - rho * rho) * z[i]);
        double ess = SampleStatistics.EffectiveSampleSize(x);
        double expected = n * (1 - rho) / (1 + rho);
        Assert.InRange(ess, 0.8 * expected, 1.2 * expected);
    }

    [Fact]
    public void HistogramCountsHalfOpenCells()
    {
        float[] points = [0, 0, 0.99f, 0.5f, 1, 1, 1.5f, 1.99f, 2, 0, float.NaN, 1, -0.1f, 1];
        var h = Histogram2D.Count(points, 0, 2, 2, 0, 2, 2);
        Assert.Equal([2L, 0, 0, 2], h.Counts);
        Assert.Equal(3, h.Outside);
    }

    /// <summary>Two points per sample: MMD²ᵤ = k(a, b) + k(c, d) − ½ Σ k(x, y) over the four cross pairs.</summary>
    [Fact]
    public void MmdOfTwoPointSamplesByHand()
    {
        float[] x = [0, 0, 1, 0];
        float[] y = [0, 2, 3, 0];
        double h = 1.5;
        double K(double d2) => Math.Exp(-d2 / (2 * h * h));
        double expected = K(1) + K(13) - 0.5 * (K(4) + K(9) + K(5) + K(4));
        Assert.Equal(expected, MaximumMeanDiscrepancy.UnbiasedSquared(x, y, 2, h), 12);
    }

    /// <summary>Same law: MMD²ᵤ near 0 (its s.d. at n = 400 is ≈ 0.003); a unit shift: well above it.</summary>
    [Fact]
    public void MmdSeparatesLaws()
    {
        var a = new float[800];
        var b = new float[800];
        new RandomStream(1, 0, 0).FillNormal(a);
        new RandomStream(1, 1, 0).FillNormal(b);
        Assert.InRange(MaximumMeanDiscrepancy.UnbiasedSquared(a, b, 2, 1.0), -0.015, 0.015);
        float[] shifted = b.Select(v => v + 1f).ToArray();
        Assert.True(MaximumMeanDiscrepancy.UnbiasedSquared(a, shifted, 2, 1.0) > 0.1);
    }
}
