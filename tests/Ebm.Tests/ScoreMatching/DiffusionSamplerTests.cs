using Ebm.Models;
using Ebm.Sampling;

namespace Ebm.Tests.ScoreMatching;

/// <summary>
/// The ancestral diffusion sampler driven by exact scores of Ho et al.'s forward marginals, whose reverse process
/// ends at the data law: the samples' moments against it; determinism; argument checks.
/// </summary>
public class DiffusionSamplerTests
{
    private const int Chains = 20_000;

    /// <summary>
    /// Data N(μ, Σ) (2-D, correlated); the score of the marginal at σ_t is −C⁻¹(x − √ᾱ·μ), C = ᾱΣ + σ²I, ᾱ = 1 − σ²,
    /// given as a function. 20,000 chains from N(0, I), T = 1,000: mean and covariance within 0.05 (standard errors
    /// ≈ 0.009 and ≤ 0.017; measured: largest error 0.020, the variance of the second unit, 1.67 for 1.69).
    /// </summary>
    [Fact]
    public void Exact_scores_of_a_correlated_gaussian_give_its_moments()
    {
        double[] mu = GaussianData.Mean;
        double[,] sigma = GaussianData.Covariance;
        void Score(float level, ReadOnlyMemory<float> x, Memory<float> s)
        {
            double alphaBar = 1 - (double)level * level, root = Math.Sqrt(alphaBar);
            var c = new double[2, 2];
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    c[i, j] = alphaBar * sigma[i, j] + (i == j ? (double)level * level : 0);
            double[,] p = GaussianData.Inverse(c);
            ReadOnlySpan<float> xs = x.Span;
            Span<float> ss = s.Span;
            for (int r = 0; r < xs.Length / 2; r++)
            {
                double d0 = xs[2 * r] - root * mu[0], d1 = xs[2 * r + 1] - root * mu[1];
                ss[2 * r] = (float)-(p[0, 0] * d0 + p[0, 1] * d1);
                ss[2 * r + 1] = (float)-(p[1, 0] * d0 + p[1, 1] * d1);
            }
        }
        float[] start = StandardWorkloads.NormalStart(Chains, 2, 1f, 5);
        DiffusionResult r = DiffusionSampler.SampleScore(Score, 2, start, new DiffusionOptions(1_000, 9) { Parameterization = NoiseParameterization.VariancePreserving });
        var (mean, cov) = GaussianData.Moments(r.States);
        double error = Math.Max(Math.Abs(mean[0] - mu[0]), Math.Abs(mean[1] - mu[1]));
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                error = Math.Max(error, Math.Abs(cov[i, j] - sigma[i, j]));
        Assert.True(error <= 0.05, $"largest error {error:G3}: mean ({mean[0]:0.###}, {mean[1]:0.###}), covariance [[{cov[0, 0]:0.###}, {cov[0, 1]:0.###}], [{cov[1, 0]:0.###}, {cov[1, 1]:0.###}]]");
        Assert.Equal(1_000, r.NoiseLevels.Count);
        Assert.True(r.NoiseLevels[0] > 0.99f && r.NoiseLevels[^1] == (float)Math.Sqrt(1e-4), $"σ from {r.NoiseLevels[0]} to {r.NoiseLevels[^1]}");
        Assert.Equal((long)Chains * 1_000, r.ScoreEvaluations);
    }

    /// <summary>
    /// The same through a model: a DSL energy with σ as a [Const], rebuilt at each σ_t, for data N((2, −1), 0.5²I), in
    /// 3-D with μ₃ = 0, asked as Ho et al.'s marginal (variance preserving). Means and variances within 0.02 (about 5 standard errors; measured: largest error 0.0022).
    /// </summary>
    [Fact]
    public void A_noise_conditional_model_with_exact_scores_gives_its_data_law()
    {
        float[] mu = [2f, -1f, 0f];
        IEnergyModel At(float level) => VariancePreservingGaussian.Create(VariancePreservingGaussian.Parameters.Create(x: 3, s: 0.5f, sigma: level, seed: 1).WithVector(mu));
        DiffusionResult r = DiffusionSampler.Sample(At, StandardWorkloads.NormalStart(Chains, 3, 1f, 6),
            new DiffusionOptions(1_000, 10) { Parameterization = NoiseParameterization.VariancePreserving });
        double error = LargestMomentError(r.States, mu, 0.25);
        Assert.True(error <= 0.02, $"largest error {error:G3}");
    }

    /// <summary>
    /// The default, variance-exploding score: the exact score of N(μ, Σ + σ²I), what a perfect NCSN model learns, as a
    /// DSL energy ½(y − μ)ᵀ(Σ + σ²I)⁻¹(y − μ) rebuilt at each σ′_t (here the isotropic Σ = s²I of
    /// <see cref="GaussianWellAtNoise"/>). The sampler asks it at x/√ᾱ_t and divides the score by √ᾱ_t, so the samples
    /// are N(μ, s²I): means and variances within 0.02 (measured: largest error 0.0022).
    /// </summary>
    [Fact]
    public void A_variance_exploding_model_with_exact_scores_gives_its_data_law()
    {
        float[] mu = [2f, -1f, 0f];
        IEnergyModel At(float level) => GaussianWellAtNoise.Create(GaussianWellAtNoise.Parameters.Create(x: 3, s: 0.5f, sigma: level, seed: 1).WithVector(mu));
        DiffusionResult r = DiffusionSampler.Sample(At, StandardWorkloads.NormalStart(Chains, 3, 1f, 6), new DiffusionOptions(1_000, 10));
        Assert.True(LargestMomentError(r.States, mu, 0.25) <= 0.02, $"largest error {LargestMomentError(r.States, mu, 0.25):G3}");
        Assert.True(r.NoiseLevels[0] > 100 && Math.Abs(r.NoiseLevels[^1] - 0.01) < 1e-4, $"σ′ from {r.NoiseLevels[0]} to {r.NoiseLevels[^1]}");
    }

    private static double LargestMomentError(float[] states, float[] mu, double variance)
    {
        int d = mu.Length, n = states.Length / d;
        double error = 0;
        for (int i = 0; i < d; i++)
        {
            double mean = 0, square = 0;
            for (int c = 0; c < n; c++)
                mean += states[d * c + i] / (double)n;
            for (int c = 0; c < n; c++)
                square += Math.Pow(states[d * c + i] - mean, 2) / n;
            error = Math.Max(error, Math.Max(Math.Abs(mean - mu[i]), Math.Abs(square - variance)));
        }
        return error;
    }

    [Fact]
    public void Same_seed_gives_the_same_bits_whatever_the_threads()
    {
        var mixture = StandardWorkloads.RingOfEight();
        float[] start = StandardWorkloads.NormalStart(600, 2, 1f, 1);
        var options = new DiffusionOptions(50, 3) { MaxDegreeOfParallelism = 1 };
        float[] one = DiffusionSampler.Sample(_ => mixture, start, options).States;
        float[] four = DiffusionSampler.Sample(_ => mixture, start, options with { MaxDegreeOfParallelism = 4 }).States;
        float[] other = DiffusionSampler.Sample(_ => mixture, start, options with { Seed = 4 }).States;
        Assert.Equal(one, four);
        Assert.NotEqual(one, other);
        Assert.Equal(start, StandardWorkloads.NormalStart(600, 2, 1f, 1));
    }

    [Fact]
    public void The_beta_schedule_is_linear_from_its_ends()
    {
        IReadOnlyList<double> betas = DiffusionSampler.Betas(new DiffusionOptions(1_000, 1));
        Assert.Equal(1e-4, betas[0], 1e-9);
        Assert.Equal(0.02, betas[^1], 1e-9);
        Assert.Equal(betas[1] - betas[0], betas[^1] - betas[^2], 1e-12);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var mixture = StandardWorkloads.RingOfEight();
        float[] start = new float[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionSampler.Sample(_ => mixture, start, new DiffusionOptions(0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionSampler.Sample(_ => mixture, start, new DiffusionOptions(10, 1) { BetaStart = 0.1f, BetaEnd = 0.01f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionSampler.Sample(_ => mixture, start, new DiffusionOptions(10, 1) { BetaEnd = 1f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionSampler.Sample(_ => mixture, start, new DiffusionOptions(10, 1) { MaxDegreeOfParallelism = 0 }));
        Assert.Contains("rows of 2", Assert.Throws<ArgumentException>(() => DiffusionSampler.Sample(_ => mixture, new float[3], new DiffusionOptions(10, 1))).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => DiffusionSampler.Sample(_ => mixture, new float[] { 0f, float.NaN }, new DiffusionOptions(10, 1))).Message);
        var rbm = GaussianBernoulliRbm.Create(GaussianBernoulliRbm.Parameters.Create(v: 2, h: 2, sigma: 1f, seed: 1));
        Assert.Contains("one continuous state group", Assert.Throws<ArgumentException>(() => DiffusionSampler.Sample(_ => rbm, start, new DiffusionOptions(10, 1))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionSampler.SampleScore((_, _, _) => { }, 0, start, new DiffusionOptions(10, 1)));
    }

    [Fact]
    public void A_diverging_step_throws_and_keeps_the_states_before_it()
    {
        // A score that overflows on its third call: the states after two steps are kept.
        int calls = 0;
        void Score(float level, ReadOnlyMemory<float> x, Memory<float> s) => s.Span.Fill(Interlocked.Increment(ref calls) >= 3 ? float.PositiveInfinity : 1f);
        var error = Assert.Throws<LangevinDivergenceException>(() =>
            DiffusionSampler.SampleScore(Score, 2, new float[4], new DiffusionOptions(10, 1) { MaxDegreeOfParallelism = 1 }));
        Assert.Equal(3, error.Step);
        Assert.Equal(0, error.Chain);
        Assert.All(error.LastGoodStates[0], v => Assert.True(float.IsFinite(v) && v != 0));
    }
}
