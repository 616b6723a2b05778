using Ebm.Sampling;
using Ebm.Statistics;
using static Ebm.Tests.Rng.TestStatistics;
using static Ebm.Tests.Sampling.SamplingFixtures;

namespace Ebm.Tests.Sampling;

public class MalaTests
{
    private static readonly double[] P = [2, 0.6, 0.6, 1];
    private static readonly double[] Mu = [1, -2];

    /// <summary>
    /// At the step where ULA's covariance is off by 0.13 (UlaTests), MALA's Metropolis correction removes the bias:
    /// 20,000 independent chains after 150 moves, Σ within 0.05 of P⁻¹ (≈ 4 standard errors) and the mean within 0.04.
    /// </summary>
    [Fact]
    public void MomentsOfAGaussianAreExact()
    {
        const int chains = 20_000, steps = 150;
        var result = Langevin.Mala(Gaussian(P, Mu), One(Uniform(2 * chains, -4, 4, 1)), new LangevinOptions(0.2f, steps, Seed: 12));

        double[] covariance = SampleStatistics.Covariance(result.States[0], 2);
        double[] mean = SampleStatistics.Mean(result.States[0], 2);
        Assert.True(MaxAbsDifference(covariance, Inverse2(P)) < 0.05, $"covariance {string.Join(", ", covariance)} vs P⁻¹ {string.Join(", ", Inverse2(P))}");
        Assert.True(MaxAbsDifference(mean, Mu) < 0.04, $"mean {string.Join(", ", mean)}");

        Assert.Equal(chains, result.AcceptedMoves.Count);
        Assert.Equal(SampleStatistics.AcceptanceRate(result.AcceptedMoves, steps), result.AcceptanceRate);
        Assert.InRange(result.AcceptanceRate, 0.5, 0.999);
        Assert.All(result.AcceptedMoves, a => Assert.InRange(a, 0, steps));
        Assert.Equal((long)chains * (steps + 1), result.GradientEvaluations);
    }

    /// <summary>
    /// MALA on a two-component mixture, 0.3·N((−2, 0), I) + 0.7·N((1.5, 1), I), against exact cell probabilities
    /// from products of normal CDFs (each component is isotropic, so a rectangle's mass factorises). 20,000
    /// independent final states; cells of a 10 × 10 grid on [−5, 4.5] × [−3, 4] with expected count ≥ 5, the rest
    /// (and everything outside) lumped into one cell. Chi-square p-value above 0.001.
    /// </summary>
    [Fact]
    public void MixturePassesAChiSquareTestAgainstExactCellProbabilities()
    {
        const int chains = 20_000;
        double[] means = [-2, 0, 1.5, 1];
        double[] weights = [0.3, 0.7];
        var model = Mixture(2, means, weights, 1f);
        var result = Langevin.Mala(model, One(Uniform(2 * chains, -5, 5, 4)), new LangevinOptions(0.5f, 300, Seed: 21));

        var histogram = Histogram2D.Count(result.States[0], -5, 4.5, 10, -3, 4, 10);
        double dx = 0.95, dy = 0.7;
        var observed = new List<long>();
        var expected = new List<double>();
        long restObserved = histogram.Outside;
        for (int i = 0; i < 10; i++)
            for (int j = 0; j < 10; j++)
            {
                double x0 = -5 + i * dx, y0 = -3 + j * dy, p = 0;
                for (int k = 0; k < 2; k++)
                    p += weights[k]
                         * (NormalCdf(x0 + dx - means[2 * k]) - NormalCdf(x0 - means[2 * k]))
                         * (NormalCdf(y0 + dy - means[2 * k + 1]) - NormalCdf(y0 - means[2 * k + 1]));
                long o = histogram.Counts[i * 10 + j];
                if (chains * p >= 5)
                {
                    observed.Add(o);
                    expected.Add(chains * p);
                }
                else
                    restObserved += o;
            }
        double restExpected = chains - expected.Sum();
        observed.Add(restObserved);
        expected.Add(restExpected);

        double chi2 = observed.Zip(expected, (o, e) => (o - e) * (o - e) / e).Sum();
        double pValue = ChiSquarePValue(chi2, observed.Count - 1);
        Assert.True(pValue > 1e-3, $"χ² = {chi2:F1} on {observed.Count - 1} degrees of freedom, p = {pValue:E2}");
        Assert.True(observed.Count > 60, $"only {observed.Count} cells were tested");
    }

    /// <summary>
    /// With bounds, MALA rejects proposals that leave the box, so it samples the target restricted to it: for
    /// N(0, I) on [0, ∞)² each coordinate is half-normal with mean √(2/π) ≈ 0.798 (standard error 0.006 here).
    /// </summary>
    [Fact]
    public void BoundsRestrictTheTarget()
    {
        const int chains = 10_000;
        var model = Gaussian([1, 0, 0, 1], [0, 0]);
        var result = Langevin.Mala(model, One(Uniform(2 * chains, 0, 2, 5)), new LangevinOptions(0.3f, 200, Seed: 8) { LowerBound = 0 });
        Assert.All(result.States[0], v => Assert.True(v >= 0));
        double[] mean = SampleStatistics.Mean(result.States[0], 2);
        Assert.All(mean, m => Assert.True(Math.Abs(m - Math.Sqrt(2 / Math.PI)) < 0.03, $"mean {m}"));
    }
}
