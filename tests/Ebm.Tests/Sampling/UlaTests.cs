using Ebm.Rng;
using Ebm.Sampling;
using Ebm.Statistics;
using static Ebm.Tests.Sampling.SamplingFixtures;

namespace Ebm.Tests.Sampling;

public class UlaTests
{
    private static readonly double[] P = [2, 0.6, 0.6, 1];
    private static readonly double[] Mu = [1, -2];

    /// <summary>
    /// ULA on E = ½(x − μ)ᵀP(x − μ) is the linear recursion x' − μ = (I − αP)(x − μ) + √(2α)z, whose stationary
    /// covariance Σ solves Σ = (I − αP)Σ(I − αP) + 2αI; Σ commutes with P, so Σ(2αP − α²P²) = 2αI and
    /// Σ = (P(I − αP/2))⁻¹, the mean staying μ. At α = 0.2 that differs from P⁻¹ by 0.13 in Σ₀₀: the test sees
    /// the O(α) bias, not just noise. 20,000 independent final states after 150 moves (the slowest mode contracts by
    /// 0.856 a move, 10⁻¹⁰ in all); standard errors ≈ 0.013 on Σ entries, 0.008 on the mean.
    /// </summary>
    [Fact]
    public void StationaryCovarianceIsTheBiasedClosedForm()
    {
        const float alpha = 0.2f;
        const int chains = 20_000;
        var result = Langevin.Ula(Gaussian(P, Mu), One(Uniform(2 * chains, -4, 4, 1)), new LangevinOptions(alpha, 150, Seed: 11));

        double[] pSquared = Multiply2(P, P);
        double[] biased = Inverse2([.. P.Zip(pSquared, (p, p2) => p - alpha / 2.0 * p2)]);
        double[] exact = Inverse2(P);
        double[] covariance = SampleStatistics.Covariance(result.States[0], 2);
        double[] mean = SampleStatistics.Mean(result.States[0], 2);

        Assert.True(MaxAbsDifference(covariance, biased) < 0.05, $"covariance {string.Join(", ", covariance)} vs (P(I − αP/2))⁻¹ {string.Join(", ", biased)}");
        Assert.True(Math.Abs(covariance[0] - exact[0]) > 0.08, $"Σ₀₀ = {covariance[0]} should show the bias away from P⁻¹ = {exact[0]}");
        Assert.True(MaxAbsDifference(mean, Mu) < 0.04, $"mean {string.Join(", ", mean)}");
        Assert.Equal((long)chains * 150, result.GradientEvaluations);
        Assert.Equal(1.0, result.AcceptanceRate);
    }

    /// <summary>One move is exactly x − α∇E + √(2α)z with z = RandomStream(seed, chain, step).Normal(unit).</summary>
    [Fact]
    public void OneMoveFollowsTheDocumentedConventionAndStream()
    {
        var model = Gaussian([1, 0, 0, 1], [0, 0]);
        float[] x0 = [3, -1, 0.5f, 2];
        var result = Langevin.Ula(model, One(x0), new LangevinOptions(0.1f, 1, Seed: 7) { FirstStep = 5 });
        float noise = (float)Math.Sqrt(0.2);
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < 2; i++)
            {
                float z = new RandomStream(7, (uint)c, 5).Normal((uint)i);
                float expected = x0[2 * c + i] - 0.1f * x0[2 * c + i] + noise * z;
                Assert.Equal(expected, result.States[0][2 * c + i], 5);
            }
    }

    /// <summary>A drift longer than MaxDriftNorm is scaled down to it; the noise is unchanged.</summary>
    [Fact]
    public void ClippingLimitsTheDriftNorm()
    {
        var model = Gaussian([1, 0, 0, 1], [0, 0]);
        float[] x0 = [100, 0];
        var result = Langevin.Ula(model, One(x0), new LangevinOptions(0.1f, 1, Seed: 3) { MaxDriftNorm = 0.5f });
        var stream = new RandomStream(3, 0, 0);
        float noise = (float)Math.Sqrt(0.2);
        // The drift is −α∇E = (−10, 0); clipped to norm 0.5 it is (−0.5, 0).
        Assert.Equal(100 - 0.5f + noise * stream.Normal(0), result.States[0][0], 3);
        Assert.Equal(noise * stream.Normal(1), result.States[0][1], 5);
    }

    /// <summary>Bounds clamp every coordinate of every move, and the recording holds every k-th move.</summary>
    [Fact]
    public void BoundsClampAndRecordingThins()
    {
        var model = Gaussian([1, 0, 0, 1], [3, 3]);
        var result = Langevin.Ula(model, One(Uniform(2 * 300, -1, 1, 2)),
            new LangevinOptions(0.5f, 40, Seed: 5) { LowerBound = -1, UpperBound = 1, RecordEvery = 10 });
        Assert.All(result.States[0], v => Assert.InRange(v, -1f, 1f));
        Assert.Equal([10L, 20, 30, 40], result.Recorded.Select(r => r.Step));
        Assert.Equal(result.States[0], result.Recorded[^1].States[0]);
        // The mean at 3 pulls the chains to the upper bound: many sit exactly on it.
        Assert.True(result.States[0].Count(v => v == 1f) > 100);
    }
}
