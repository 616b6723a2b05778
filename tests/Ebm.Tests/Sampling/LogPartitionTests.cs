using Ebm.Sampling;
using static Ebm.Tests.Sampling.SamplingFixtures;

namespace Ebm.Tests.Sampling;

/// <summary>
/// Numerical log Z against closed forms. Tolerance 10⁻⁵: the quadrature error is far below it on these boxes
/// (Gaussians ≥ 8σ inside, panels of 0.3σ), so what remains is the float rounding of the model's energies
/// (≈ 10⁻⁷ relative near the modes).
/// </summary>
public class LogPartitionTests
{
    private static readonly IntegrationBox Box = new([-10.0, -10.0], [10.0, 10.0]);

    /// <summary>∫ Σₖ wₖ exp(−‖x − μₖ‖²/(2σ²)) dx = (2πσ²)^{d/2} Σₖ wₖ, for unnormalised weights.</summary>
    [Fact]
    public void MixtureMatchesTheSumOfItsNormalisers()
    {
        double[] weights = [0.5, 2.0, 0.25];
        const float sigma = 0.8f;
        var model = Mixture(2, [-3, 1, 2.5, 2, 0, -3], weights, sigma);
        double closed = Math.Log(2 * Math.PI * sigma * sigma) + Math.Log(weights.Sum());
        var estimate = LogPartition.Integrate(model, Box);
        Assert.True(Math.Abs(estimate.LogZ - closed) < 1e-5, $"log Z = {estimate.LogZ:R}, closed form {closed:R}");
        Assert.True(estimate.ErrorEstimate < 1e-5, $"error estimate {estimate.ErrorEstimate}");
        Assert.Equal(640L * 640 + 320L * 320, estimate.Evaluations);
    }

    /// <summary>A correlated Gaussian: log Z = log 2π − ½ log det P.</summary>
    [Fact]
    public void CorrelatedGaussianMatchesItsDeterminant()
    {
        double[] p = [2, 0.6, 0.6, 1];
        var estimate = LogPartition.Integrate(Gaussian(p, [1, -2]), new IntegrationBox([-9.0, -12.0], [11.0, 8.0]));
        double closed = Math.Log(2 * Math.PI) - 0.5 * Math.Log(p[0] * p[3] - p[1] * p[2]);
        Assert.True(Math.Abs(estimate.LogZ - closed) < 1e-5, $"log Z = {estimate.LogZ:R}, closed form {closed:R}");
    }

    /// <summary>The box is the domain: half a centred Gaussian has half its mass.</summary>
    [Fact]
    public void OnlyTheBoxIsCounted()
    {
        var estimate = LogPartition.Integrate(Gaussian([1, 0, 0, 1], [0, 0]), new IntegrationBox([0.0, -10.0], [10.0, 10.0]));
        Assert.True(Math.Abs(estimate.LogZ - (Math.Log(2 * Math.PI) - Math.Log(2))) < 1e-5, $"log Z = {estimate.LogZ:R}");
    }

    [Fact]
    public void OneDimensionalMixture()
    {
        var model = Mixture(1, [-1, 2], [0.3, 0.7], 1.5f);
        var estimate = LogPartition.Integrate(model, new IntegrationBox([-15.0], [15.0]), 32);
        Assert.True(Math.Abs(estimate.LogZ - 0.5 * Math.Log(2 * Math.PI * 1.5 * 1.5)) < 1e-5, $"log Z = {estimate.LogZ:R}");
    }

    [Fact]
    public void PastTwoDimensionsTheErrorNamesTheLimitAndSuggestsAis()
    {
        var model = Mixture(3, [0, 0, 0], [1.0], 1f);
        var e = Assert.Throws<ArgumentException>(() => LogPartition.Integrate(model, new IntegrationBox([-1.0, -1, -1], [1.0, 1, 1])));
        Assert.Contains("3 continuous units", e.Message);
        Assert.Contains("limited to 2", e.Message);
        Assert.Contains("AIS", e.Message);
        Assert.Throws<ArgumentException>(() => LogPartition.Integrate(Gaussian([1, 0, 0, 1], [0, 0]), new IntegrationBox([-1.0], [1.0])));
    }
}
