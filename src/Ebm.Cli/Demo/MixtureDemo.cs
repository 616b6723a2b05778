using Ebm.Cli.Plots;
using Ebm.Cli.Progress;
using Ebm.Data;
using Ebm.Models;
using Ebm.Sampling;
using Ebm.ScoreMatching;
using Ebm.Statistics;

namespace Ebm.Cli.Demo;

/// <summary>What the mixture half of the demo measured.</summary>
/// <param name="Components">Mixture components.</param>
/// <param name="Sigma">The components' shared σ.</param>
/// <param name="NoiseSigma">The denoising noise level.</param>
/// <param name="Steps">Denoising score-matching steps.</param>
/// <param name="InitialLogLikelihood">Mean test log p(x) before training, in nats.</param>
/// <param name="TestLogLikelihood">Mean test log p(x) after training, log Z by quadrature.</param>
/// <param name="FinalLoss">The last denoising loss.</param>
/// <param name="Mmd2">Unbiased MMD² between the MALA samples and the test points.</param>
/// <param name="Mmd2Reference">The same between fresh training points and the test points: the level of two samples of the data.</param>
/// <param name="MmdBandwidth">The Gaussian kernel's bandwidth.</param>
/// <param name="AcceptanceRate">MALA's acceptance rate.</param>
/// <param name="Losses">The loss at every step.</param>
/// <param name="LogLikelihoods">(step, mean test log p(x)) along training.</param>
internal sealed record MixtureOutcome(int Components, double Sigma, double NoiseSigma, int Steps, double InitialLogLikelihood, double TestLogLikelihood,
    double FinalLoss, double Mmd2, double Mmd2Reference, double MmdBandwidth, double AcceptanceRate,
    IReadOnlyList<double> Losses, IReadOnlyList<(int Step, double Value)> LogLikelihoods);

/// <summary>
/// A Gaussian mixture energy fitted by denoising score matching to two moons, sampled with MALA, measured by its exact
/// test log-likelihood (log Z by quadrature) and the MMD of its samples, and drawn as an energy landscape.
/// </summary>
internal static class MixtureDemo
{
    // The moons carry noise 0.1 on a unit scale; components of σ 0.15 trained at noise 0.1 model the data smoothed
    // by that noise, and each component covers a short arc of a moon.
    private const float Sigma = 0.15f, Noise = 0.1f;
    private const double XMin = -1.75, XMax = 2.75, YMin = -1.25, YMax = 1.75;

    public static MixtureOutcome Run(DemoSettings settings, string folder, ProgressDisplay progress, ulong seed)
    {
        int k = settings.MixtureComponents;
        DataSplits moons = Toy2D.Load(ToyDataset.Moons, settings.MixtureRows, settings.MixtureRows, seed);
        float[] train = moons.Train.Values.ToArray(), test = moons.Test!.Values.ToArray();
        var parameters = GaussianMixture.Parameters.Create(x: 2, meansRows: k, sigma: Sigma, seed: seed);
        // The means start at k training points, equal weights: score matching moves them along the moons.
        float[] theta = [.. train.AsSpan(0, 2 * k).ToArray(), .. new float[k]];
        IScoreModel At(float[] values) => (IScoreModel)GaussianMixture.Create(parameters.WithVector(values));

        double initial = TestLogLikelihood(At(theta), test);
        var losses = new List<double>();
        var likelihoods = new List<(int, double)> { (0, initial) };
        var adam = new Adam(theta.Length, rate: 0.02f);
        progress.Run("mixture: denoising score matching", settings.DenoisingSteps, stage =>
        {
            for (int step = 0; step < settings.DenoisingSteps; step++)
            {
                ScoreMatchingResult r = ScoreMatchingLosses.Denoising(At(theta), train, Noise, seed, (ulong)step);
                adam.Step(theta, r.Gradient);
                losses.Add(r.Loss);
                if ((step + 1) % settings.LikelihoodEvery == 0 || step + 1 == settings.DenoisingSteps)
                    likelihoods.Add((step + 1, TestLogLikelihood(At(theta), test)));
                stage.Advance();
                stage.Describe($"loss {r.Loss:0.000}  test log p {likelihoods[^1].Item2:0.000}");
            }
            return 0;
        });
        IScoreModel model = At(theta);

        LangevinResult samples = progress.Run("mixture: MALA sampling", 1, stage =>
        {
            float[] start = new float[settings.LangevinChains * 2];
            new Rng.RandomStream(seed, 7, 0).FillUniform(start);
            for (int i = 0; i < start.Length; i += 2)
            {
                start[i] = (float)(XMin + (XMax - XMin) * start[i]);
                start[i + 1] = (float)(YMin + (YMax - YMin) * start[i + 1]);
            }
            LangevinResult result = Langevin.Mala(model, [start], new LangevinOptions(StepSize: 0.005f, Steps: settings.LangevinSteps, Seed: seed));
            stage.Advance();
            stage.Describe($"acceptance {result.AcceptanceRate:0.00}");
            return result;
        });
        float[] drawn = samples.States[0];
        // The bandwidth of the moons' own scale of detail: their noise and the components' width are of this size.
        const double bandwidth = 0.2;
        int compared = Math.Min(settings.LangevinChains, test.Length / 2);
        double mmd = MaximumMeanDiscrepancy.UnbiasedSquared(drawn.AsSpan(0, 2 * compared), test.AsSpan(0, 2 * compared), 2, bandwidth);
        float[] fresh = Toy2D.Moons(compared, seed + 1).Values.ToArray();
        double reference = MaximumMeanDiscrepancy.UnbiasedSquared(fresh, test.AsSpan(0, 2 * compared), 2, bandwidth);

        var landscape = EnergyLandscape.Evaluate(points =>
        {
            var energies = new float[points.Length / 2];
            model.Energy([points], energies);
            return energies;
        }, XMin, XMax, YMin, YMax, 150, 225);
        EnergyLandscapePlot.Save(Path.Combine(folder, DemoFiles.Landscape),
            $"Gaussian mixture ({k} components) fitted by denoising score matching", landscape,
            test.AsSpan(0, 2 * Math.Min(500, test.Length / 2)), drawn.AsSpan(0, 2 * Math.Min(500, drawn.Length / 2)));
        return new MixtureOutcome(k, Sigma, Noise, settings.DenoisingSteps, initial, likelihoods[^1].Item2, losses[^1], mmd, reference, bandwidth,
            samples.AcceptanceRate, losses, likelihoods);
    }

    /// <summary>Mean log p(x) = −E(x) − log Z over the rows, log Z by Gauss–Legendre quadrature on a box holding the mass.</summary>
    private static double TestLogLikelihood(IEnergyModel model, float[] rows)
    {
        double logZ = LogPartition.Integrate(model, new IntegrationBox([-4.0, -3.5], [5.0, 4.0])).LogZ;
        var energies = new float[rows.Length / 2];
        model.Energy([rows], energies);
        double sum = 0;
        foreach (float e in energies)
            sum += e;
        return -sum / energies.Length - logZ;
    }

    /// <summary>
    /// Adam (Kingma &amp; Ba 2015) over a flat parameter vector. The trainer's optimiser serves Gibbs training only and is
    /// internal to it; score matching has no trainer in the library yet, so the demo takes its steps here.
    /// </summary>
    private sealed class Adam(int size, float rate)
    {
        private readonly float[] first = new float[size], second = new float[size];
        private int steps;

        public void Step(float[] theta, IReadOnlyList<float> gradient)
        {
            steps++;
            float c1 = 1 - MathF.Pow(0.9f, steps), c2 = 1 - MathF.Pow(0.999f, steps);
            for (int i = 0; i < theta.Length; i++)
            {
                float g = gradient[i];
                first[i] = 0.9f * first[i] + 0.1f * g;
                second[i] = 0.999f * second[i] + 0.001f * g * g;
                theta[i] -= rate * (first[i] / c1) / (MathF.Sqrt(second[i] / c2) + 1e-8f);
            }
        }
    }
}
