using Ebm.Sampling;
using static Ebm.Tests.Sampling.SamplingFixtures;

namespace Ebm.Tests.Sampling;

/// <summary>
/// Song &amp; Ermon (2019), §3.2: p = 0.8·N((5, 5), I) + 0.2·N((−5, −5), I), 1,280 chains from U[−8, 8]², exact scores.
/// The data noised at σ is the mixture of N(μ, (1 + σ²)I) with the same weights, i.e. GaussianMixture with
/// σ_model = √(1 + σ²). The share of the (5, 5) mode is the fraction of chains with x + y &gt; 0 (the modes are
/// 14 apart; a chain is never near the bisector at the end).
/// </summary>
public class AnnealedLangevinTests
{
    private const int Chains = 1280;
    private static readonly double[] Means = [5, 5, -5, -5];
    private static readonly double[] Weights = [0.8, 0.2];

    /// <summary>ε = 0.05 in our convention is the paper's ε = 0.1 (it writes α/2 for our α): αᵢ = 0.05·σᵢ², 20 at σ₁ = 20.</summary>
    private static AnnealedLangevinOptions Schedule(ulong seed) =>
        new(NoiseSchedule.Geometric(20f, 1f, 10), Epsilon: 0.05f, StepsPerLevel: 100, seed);

    private static float[] Start() => Uniform(2 * Chains, -8, 8, 33);

    private static double ShareOfHeavyMode(float[] states) =>
        Enumerable.Range(0, Chains).Count(c => states[2 * c] + states[2 * c + 1] > 0) / (double)Chains;

    /// <summary>Plain Langevin (α = 0.1, 1,000 moves) cannot cross between the modes, so the share stays near the
    /// share of starting points on each side (≈ 0.5): measurably away from 0.8 (more than 0.15).</summary>
    [Fact]
    public void PlainLangevinMisweightsTheModes()
    {
        var result = Langevin.Ula(Mixture(2, Means, Weights, 1f), One(Start()), new LangevinOptions(0.1f, 1000, Seed: 40));
        double share = ShareOfHeavyMode(result.States[0]);
        Assert.True(Math.Abs(share - 0.8) > 0.15, $"plain Langevin gave share {share:F3}");
    }

    /// <summary>Annealed Langevin with the exact noised energies recovers 0.8 / 0.2 within 0.03 (binomial s.e. 0.011).</summary>
    [Fact]
    public void AnnealedLangevinOnNoisedModelsRecoversTheWeights()
    {
        var result = Langevin.Annealed(
            sigma => Mixture(2, Means, Weights, (float)Math.Sqrt(1 + (double)sigma * sigma)), One(Start()), Schedule(41));
        double share = ShareOfHeavyMode(result.States[0]);
        Assert.True(Math.Abs(share - 0.8) < 0.03, $"annealed Langevin gave share {share:F3}");
        Assert.Equal(Chains * 1000L, result.GradientEvaluations);
    }

    /// <summary>The same through a Func score written out by hand in double: Σₖ rₖ(μₖ − x)/(1 + σ²).</summary>
    [Fact]
    public void AnnealedLangevinOnAnExactScoreRecoversTheWeights()
    {
        static void Score(float sigma, ReadOnlyMemory<float> x, Memory<float> s)
        {
            ReadOnlySpan<float> xs = x.Span;
            Span<float> ss = s.Span;
            double variance = 1 + (double)sigma * sigma;
            for (int r = 0; r < xs.Length / 2; r++)
            {
                double x0 = xs[2 * r], x1 = xs[2 * r + 1];
                double l0 = Math.Log(0.8) - ((x0 - 5) * (x0 - 5) + (x1 - 5) * (x1 - 5)) / (2 * variance);
                double l1 = Math.Log(0.2) - ((x0 + 5) * (x0 + 5) + (x1 + 5) * (x1 + 5)) / (2 * variance);
                double r0 = 1 / (1 + Math.Exp(l1 - l0)), r1 = 1 - r0;
                ss[2 * r] = (float)((r0 * (5 - x0) + r1 * (-5 - x0)) / variance);
                ss[2 * r + 1] = (float)((r0 * (5 - x1) + r1 * (-5 - x1)) / variance);
            }
        }

        var result = Langevin.AnnealedScore(Score, 2, Start(), Schedule(41));
        double share = ShareOfHeavyMode(result.States[0]);
        Assert.True(Math.Abs(share - 0.8) < 0.03, $"annealed Langevin on the score gave share {share:F3}");
    }
}
