using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>
/// Uniform draws of a fixed stream against U(0, 1]. Seeds are fixed, so each test is deterministic; the bounds
/// are what a correct generator would fail with the stated probability α for a seed chosen at random.
/// </summary>
public class RandomStreamUniformTests
{
    private const int N = 1 << 20;
    private static readonly RandomStream Stream = new(20240611, 3, 77);

    [Fact]
    public void FloatMeanAndVarianceAreThoseOfTheUniform()
    {
        var u = new float[N];
        Stream.FillUniform(u);
        AssertUniformMoments(TestStatistics.ToDouble(u), 0.5 + Math.Pow(2, -25));
    }

    [Fact]
    public void DoubleMeanAndVarianceAreThoseOfTheUniform()
    {
        var u = new double[N];
        Stream.AtStep(78).FillUniform(u);
        AssertUniformMoments(u, 0.5 + Math.Pow(2, -54));
    }

    [Fact]
    public void FloatPassesChiSquareOn100Bins()
    {
        var u = new float[N];
        Stream.AtStep(79).FillUniform(u);
        double p = ChiSquarePValue100Bins(TestStatistics.ToDouble(u));
        Assert.True(p > 1e-3, $"chi-square p = {p} ≤ α = 1e-3");
    }

    [Fact]
    public void DoublePassesChiSquareOn100Bins()
    {
        var u = new double[N];
        Stream.AtStep(80).FillUniform(u);
        double p = ChiSquarePValue100Bins(u);
        Assert.True(p > 1e-3, $"chi-square p = {p} ≤ α = 1e-3");
    }

    [Fact]
    public void ChiSquareDetectsASlightlySkewedUniform()
    {
        // u^1.02 moves ~0.5% of the mass across the middle bins: far beyond α = 1e-3 at this n.
        var u = new double[N];
        Stream.AtStep(80).FillUniform(u);
        for (int i = 0; i < N; i++)
            u[i] = Math.Pow(u[i], 1.02);
        Assert.True(ChiSquarePValue100Bins(u) < 1e-3);
    }

    /// <summary>
    /// 5σ bounds (two-sided α ≈ 6·10⁻⁷ each): σ(mean) = √(1/(12n)); σ(variance) = √((μ₄ − σ⁴)/n) with
    /// μ₄ = 1/80, σ⁴ = 1/144 for the uniform.
    /// </summary>
    private static void AssertUniformMoments(ReadOnlySpan<double> u, double expectedMean)
    {
        Moments m = TestStatistics.ComputeMoments(u);
        double meanBound = 5 * Math.Sqrt(1.0 / 12 / u.Length);
        double varianceBound = 5 * Math.Sqrt((1.0 / 80 - 1.0 / 144) / u.Length);
        Assert.True(Math.Abs(m.Mean - expectedMean) < meanBound, $"mean {m.Mean}, bound ±{meanBound}");
        Assert.True(Math.Abs(m.Variance - 1.0 / 12) < varianceBound, $"variance {m.Variance}, bound ±{varianceBound}");
    }

    // Bin ⌈100u⌉ − 1 ∈ 0 … 99 for u ∈ (0, 1]; 99 degrees of freedom.
    private static double ChiSquarePValue100Bins(ReadOnlySpan<double> u)
    {
        var counts = new long[100];
        foreach (double x in u)
            counts[(int)Math.Ceiling(x * 100) - 1]++;
        return TestStatistics.ChiSquarePValue(TestStatistics.ChiSquareUniform(counts), 99);
    }
}
