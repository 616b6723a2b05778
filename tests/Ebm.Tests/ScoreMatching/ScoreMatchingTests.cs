using Ebm.Models;
using Ebm.Rng;
using Ebm.ScoreMatching;

namespace Ebm.Tests.ScoreMatching;

/// <summary>
/// The score-matching losses: their gradients against central differences of the losses themselves (which are
/// deterministic given the seed and step), and the estimators' fixed points on Gaussian data against closed forms.
/// </summary>
public class ScoreMatchingTests
{
    public static TheoryData<string> Losses => new() { "exact", "denoising", "sliced" };

    private static ScoreMatchingResult Loss(string which, IScoreModel model, float[] data) => which switch
    {
        "exact" => ScoreMatchingLosses.Exact(model, data),
        "denoising" => ScoreMatchingLosses.Denoising(model, data, 0.7f, 5, 3),
        _ => ScoreMatchingLosses.Sliced(model, data, 5, 3),
    };

    /// <remarks>
    /// The quadratic energy makes every loss a polynomial of degree ≤ 2 in θ (the sliced one of degree 2 in ∇ₓE),
    /// so the central difference with step 1e-2 is exact up to the float losses' rounding (≈ 1e-7·|L|/h ≈ 1e-5 of
    /// the scale): 1e-3 of max(1, |∂L|).
    /// </remarks>
    [Theory]
    [MemberData(nameof(Losses))]
    public void Gradients_are_central_differences_of_the_losses_for_a_quadratic_energy(string which)
    {
        float[] theta = [1.2f, 0.3f, -0.1f, 0.8f, 0.4f, -0.6f];
        var p = QuadraticEnergy.Parameters.Create(x: 2, seed: 1);
        float[] data = GaussianData.Rows(50, 9);
        CheckAgainstDifferences(which, v => QuadraticEnergy.Create(p.WithVector(v)), theta, data, 1e-2, 1e-3);
    }

    /// <remarks>The mixture's losses are not polynomial: step 1e-3 in double of a float loss, within 5e-3 of the scale.</remarks>
    [Theory]
    [MemberData(nameof(Losses))]
    public void Gradients_are_central_differences_of_the_losses_for_a_gaussian_mixture(string which)
    {
        var p = GaussianMixture.Parameters.Create(x: 2, meansRows: 3, sigma: 1.1f, seed: 1);
        float[] theta = [0.5f, -0.4f, -1f, 0.2f, 0.8f, 1.1f, 0.1f, -0.3f, 0.2f];
        float[] data = GaussianData.Rows(40, 11);
        CheckAgainstDifferences(which, v => GaussianMixture.Create(p.WithVector(v)), theta, data, 1e-3, 5e-3);
    }

    private static void CheckAgainstDifferences(string which, Func<float[], IScoreModel> at, float[] theta, float[] data, double step, double tolerance)
    {
        ScoreMatchingResult result = Loss(which, at(theta), data);
        for (int k = 0; k < theta.Length; k++)
        {
            float[] up = (float[])theta.Clone(), down = (float[])theta.Clone();
            up[k] += (float)step;
            down[k] -= (float)step;
            double expected = (Loss(which, at(up), data).Loss - Loss(which, at(down), data).Loss) / ((double)up[k] - down[k]);
            Assert.True(Math.Abs(expected - result.Gradient[k]) <= tolerance * Math.Max(1, Math.Abs(expected)),
                $"{which}: ∂L/∂θ[{k}] = {result.Gradient[k]}, central difference {expected}");
        }
    }

    /// <summary>
    /// Hyvärinen's consistency: exact score matching of ½xᵀAx − bᵀx on Gaussian data is minimised at the sample's
    /// inverse covariance (1/N) and mean. Gradient descent from near zero, 4,000 steps of 0.1: A's symmetric part
    /// and A⁻¹b within 1e-3 of them.
    /// </summary>
    [Fact]
    public void Exact_score_matching_recovers_the_sample_mean_and_precision()
    {
        float[] data = GaussianData.Rows(1_000, 21);
        var (mean, cov) = GaussianData.Moments(data);
        double[,] precision = GaussianData.Inverse(cov);
        var p = QuadraticEnergy.Parameters.Create(x: 2, seed: 2);
        float[] theta = p.ToVector();
        for (int t = 0; t < 4_000; t++)
        {
            ScoreMatchingResult r = ScoreMatchingLosses.Exact(QuadraticEnergy.Create(p.WithVector(theta)), data);
            for (int k = 0; k < theta.Length; k++)
                theta[k] -= 0.1f * r.Gradient[k];
        }
        AssertGaussian(theta, precision, mean, 1e-3);
    }

    /// <summary>
    /// Denoising score matching at σ = 0.5 is minimised at the noisy data's precision (Σ + σ²I)⁻¹: stochastic
    /// gradient descent with fresh noise each step (2,000 rows, 3,000 steps of 0.05, the last 1,000 iterates
    /// averaged), within 0.03 of the sample's (Σ̂ + σ²I)⁻¹ and mean.
    /// </summary>
    [Fact]
    public void Denoising_score_matching_recovers_the_precision_of_the_noisy_data()
    {
        const float Sigma = 0.5f;
        float[] data = GaussianData.Rows(2_000, 31);
        var (mean, cov) = GaussianData.Moments(data);
        cov[0, 0] += Sigma * Sigma;
        cov[1, 1] += Sigma * Sigma;
        double[,] precision = GaussianData.Inverse(cov);
        var p = QuadraticEnergy.Parameters.Create(x: 2, seed: 3);
        float[] theta = p.ToVector();
        var average = new double[theta.Length];
        for (int t = 0; t < 3_000; t++)
        {
            ScoreMatchingResult r = ScoreMatchingLosses.Denoising(QuadraticEnergy.Create(p.WithVector(theta)), data, Sigma, 41, (ulong)t);
            for (int k = 0; k < theta.Length; k++)
                theta[k] -= 0.05f * r.Gradient[k];
            if (t >= 2_000)
                for (int k = 0; k < theta.Length; k++)
                    average[k] += theta[k] / 1_000.0;
        }
        AssertGaussian(average.Select(v => (float)v).ToArray(), precision, mean, 0.03);
    }

    [Fact]
    public void Models_with_more_than_one_group_and_ragged_data_are_rejected()
    {
        var rbm = GaussianBernoulliRbm.Create(GaussianBernoulliRbm.Parameters.Create(v: 2, h: 2, sigma: 1f, seed: 1));
        Assert.Contains("one continuous state group", Assert.Throws<ArgumentException>(() => ScoreMatchingLosses.Exact(rbm, new float[4])).Message);
        var quadratic = QuadraticEnergy.Create(QuadraticEnergy.Parameters.Create(x: 2, seed: 1));
        Assert.Contains("whole rows of 2", Assert.Throws<ArgumentException>(() => ScoreMatchingLosses.Exact(quadratic, new float[3])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreMatchingLosses.Denoising(quadratic, new float[4], 0f, 1, 1));
    }

    // θ = (A row-major, b): the symmetric part of A against the precision, A⁻¹b against the mean.
    private static void AssertGaussian(float[] theta, double[,] precision, double[] mean, double tolerance)
    {
        var a = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                a[i, j] = 0.5 * (theta[i * 2 + j] + theta[j * 2 + i]);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.True(Math.Abs(a[i, j] - precision[i, j]) <= tolerance, $"A[{i},{j}] = {a[i, j]}, precision {precision[i, j]}");
        double[,] inverse = GaussianData.Inverse(a);
        for (int i = 0; i < 2; i++)
        {
            double m = inverse[i, 0] * theta[4] + inverse[i, 1] * theta[5];
            Assert.True(Math.Abs(m - mean[i]) <= tolerance, $"mean[{i}] = {m}, sample mean {mean[i]}");
        }
    }
}
