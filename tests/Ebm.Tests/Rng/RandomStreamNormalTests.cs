using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>
/// Normal draws of fixed streams against N(0, 1): moments and a Kolmogorov–Smirnov test against Φ
/// (via <see cref="TestStatistics.Erfc"/>, accurate to 1.2·10⁻⁷, far below the D being tested).
/// </summary>
public class RandomStreamNormalTests
{
    private const int MomentSamples = 1 << 20;
    private const int KsSamples = 200_000;
    private static readonly RandomStream Stream = new(0xC0FFEE, 11, 5);

    [Fact]
    public void FloatMomentsAreThoseOfTheStandardNormal()
    {
        var z = new float[MomentSamples];
        Stream.FillNormal(z);
        AssertNormalMoments(TestStatistics.ToDouble(z));
    }

    [Fact]
    public void DoubleMomentsAreThoseOfTheStandardNormal()
    {
        var z = new double[MomentSamples];
        Stream.AtStep(6).FillNormal(z);
        AssertNormalMoments(z);
    }

    [Fact]
    public void FloatPassesKolmogorovSmirnovAgainstPhiForBothOutputsOfThePair()
    {
        var z = new float[KsSamples];
        Stream.AtStep(7).FillNormal(z);
        double[] all = TestStatistics.ToDouble(z);
        double[] cosines = all.Where((_, i) => i % 2 == 0).ToArray();
        double[] sines = all.Where((_, i) => i % 2 == 1).ToArray();
        AssertKolmogorovSmirnov(all, "all");
        AssertKolmogorovSmirnov(cosines, "r·cos θ (even units)");
        AssertKolmogorovSmirnov(sines, "r·sin θ (odd units)");
    }

    [Fact]
    public void DoublePassesKolmogorovSmirnovAgainstPhi()
    {
        var z = new double[KsSamples];
        Stream.AtStep(8).FillNormal(z);
        AssertKolmogorovSmirnov(z, "all");
    }

    [Fact]
    public void KolmogorovSmirnovDetectsAThreePercentScaleError()
    {
        // D ≈ 0.03·φ(1) = 0.0073, λ = √n·D ≈ 3.2: p ≈ 10⁻⁹, well below α.
        var z = new double[KsSamples];
        Stream.AtStep(8).FillNormal(z);
        for (int i = 0; i < z.Length; i++)
            z[i] *= 1.03;
        double d = TestStatistics.KolmogorovSmirnovStatistic(z, TestStatistics.NormalCdf);
        Assert.True(TestStatistics.KolmogorovSmirnovPValue(d, z.Length) < 1e-3);
    }

    [Fact]
    public void TheTwoOutputsOfAPairAreUncorrelated()
    {
        // r ≈ N(0, 1/m) for m pairs under independence; bound 5/√m (two-sided α ≈ 6·10⁻⁷).
        var z = new float[KsSamples];
        Stream.AtStep(9).FillNormal(z);
        double[] cosines = z.Where((_, i) => i % 2 == 0).Select(v => (double)v).ToArray();
        double[] sines = z.Where((_, i) => i % 2 == 1).Select(v => (double)v).ToArray();
        double r = TestStatistics.Correlation(cosines, sines);
        Assert.True(Math.Abs(r) < 5 / Math.Sqrt(cosines.Length), $"r = {r}");
        // Uncorrelated is not independent for Box–Muller's own pair; r² = z0² + z1² must be χ²₂ too.
        double[] squaredRadius = cosines.Zip(sines, (c, s) => c * c + s * s).ToArray();
        Assert.True(Math.Abs(TestStatistics.Mean(squaredRadius) - 2) < 5 * 2 / Math.Sqrt(squaredRadius.Length));
    }

    /// <summary>
    /// 5σ bounds (two-sided α ≈ 6·10⁻⁷ each) from the normal-theory standard errors: mean √(1/n), variance √(2/n),
    /// skewness √(6/n), excess kurtosis √(24/n).
    /// </summary>
    private static void AssertNormalMoments(ReadOnlySpan<double> z)
    {
        Moments m = TestStatistics.ComputeMoments(z);
        double n = z.Length;
        Assert.True(Math.Abs(m.Mean) < 5 * Math.Sqrt(1 / n), $"mean {m.Mean}");
        Assert.True(Math.Abs(m.Variance - 1) < 5 * Math.Sqrt(2 / n), $"variance {m.Variance}");
        Assert.True(Math.Abs(m.Skewness) < 5 * Math.Sqrt(6 / n), $"skewness {m.Skewness}");
        Assert.True(Math.Abs(m.ExcessKurtosis) < 5 * Math.Sqrt(24 / n), $"excess kurtosis {m.ExcessKurtosis}");
    }

    /// <summary>α = 10⁻³ with the asymptotic Kolmogorov distribution.</summary>
    private static void AssertKolmogorovSmirnov(double[] sample, string what)
    {
        double d = TestStatistics.KolmogorovSmirnovStatistic(sample, TestStatistics.NormalCdf);
        double p = TestStatistics.KolmogorovSmirnovPValue(d, sample.Length);
        Assert.True(p > 1e-3, $"{what}: D = {d}, p = {p} ≤ α = 1e-3");
    }
}
