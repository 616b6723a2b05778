namespace Ebm.Tests.Rng;

/// <summary>The reference functions of <see cref="Statistics"/> against closed forms and tabulated values.</summary>
public class TestStatisticsTests
{
    // erfc at these points to 16 digits (Abramowitz & Stegun Table 7.1; erfc(x) = 1 − erf(x)).
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047266)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void ErfcHasTheStatedFractionalAccuracy(double x, double expected)
    {
        Assert.True(Math.Abs(TestStatistics.Erfc(x) - expected) <= 1.2e-7 * expected,
            $"erfc({x}) = {TestStatistics.Erfc(x):R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(0.5, 0.5723649429247001)] // ln √π
    [InlineData(1.0, 0.0)]
    [InlineData(10.0, 12.801827480081469)] // ln 9!
    [InlineData(49.5, 142.61728282114598)] // mpmath.loggamma(49.5)
    public void GammaLnMatchesClosedForms(double x, double expected)
    {
        Assert.Equal(expected, TestStatistics.GammaLn(x), 1e-9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(40.0)]
    public void ChiSquareWithTwoDegreesIsExponential(double x)
    {
        // P(χ²₂ ≥ x) = exp(−x/2) exactly: exercises the series (x/2 < 2) and the continued fraction.
        Assert.Equal(Math.Exp(-x / 2), TestStatistics.ChiSquarePValue(x, 2), 1e-12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(9.0)]
    public void ChiSquareWithOneDegreeIsTheNormalTail(double x)
    {
        // P(χ²₁ ≥ x) = P(|Z| ≥ √x) = erfc(√(x/2)).
        double expected = TestStatistics.Erfc(Math.Sqrt(x / 2));
        Assert.True(Math.Abs(TestStatistics.ChiSquarePValue(x, 1) - expected) <= 2e-7 * expected);
    }

    [Theory]
    [InlineData(123.2252, 99, 0.05)] // tabulated upper quantiles of χ²₉₉ and χ²₁₀₀
    [InlineData(148.2304, 99, 0.001)]
    [InlineData(124.3421, 100, 0.05)]
    public void ChiSquareMatchesTabulatedQuantiles(double statistic, int df, double tail)
    {
        Assert.Equal(tail, TestStatistics.ChiSquarePValue(statistic, df), tail * 1e-3);
    }

    [Theory]
    [InlineData(1.3581, 0.05)] // asymptotic Kolmogorov quantiles: Q_KS(1.3581) = 0.05, Q_KS(1.9495) = 0.001
    [InlineData(1.9495, 0.001)]
    public void KolmogorovSmirnovMatchesTabulatedQuantiles(double lambda, double tail)
    {
        // With n huge the small-sample correction vanishes and λ = √n·D.
        const int N = 1_000_000_000;
        Assert.Equal(tail, TestStatistics.KolmogorovSmirnovPValue(lambda / Math.Sqrt(N), N), tail * 1e-3);
    }

    [Fact]
    public void KolmogorovSmirnovRejectsAShiftedSample()
    {
        // Φ-quantiles shifted by 0.1σ: D ≈ φ(0)·0.1 = 0.04, λ ≈ 4, p ≈ 2e^−32; unshifted, D = 1/(2n) and p = 1.
        const int N = 10_000;
        var sample = new double[N];
        for (int i = 0; i < N; i++)
            sample[i] = InverseNormalByBisection((i + 0.5) / N) + 0.1;
        double d = TestStatistics.KolmogorovSmirnovStatistic(sample, TestStatistics.NormalCdf);
        Assert.True(TestStatistics.KolmogorovSmirnovPValue(d, N) < 1e-4);
        for (int i = 0; i < N; i++)
            sample[i] = InverseNormalByBisection((i + 0.5) / N);
        d = TestStatistics.KolmogorovSmirnovStatistic(sample, TestStatistics.NormalCdf);
        Assert.True(TestStatistics.KolmogorovSmirnovPValue(d, N) > 0.99);
    }

    [Fact]
    public void MomentsOfASymmetricTwoPointSample()
    {
        // ±1 with equal weight: mean 0, variance 1, skewness 0, excess kurtosis 1 − 3 = −2.
        double[] x = [1, -1, 1, -1, -1, 1];
        Moments m = TestStatistics.ComputeMoments(x);
        Assert.Equal(0, m.Mean, 1e-15);
        Assert.Equal(1, m.Variance, 1e-15);
        Assert.Equal(0, m.Skewness, 1e-15);
        Assert.Equal(-2, m.ExcessKurtosis, 1e-15);
    }

    private static double InverseNormalByBisection(double p)
    {
        double lo = -10, hi = 10;
        for (int i = 0; i < 80; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (TestStatistics.NormalCdf(mid) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
