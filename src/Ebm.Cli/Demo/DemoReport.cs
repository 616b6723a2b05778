using System.Globalization;
using System.Text;
using Ebm.Cli.Plots;

namespace Ebm.Cli.Demo;

/// <summary>The training-curves figure and report.md, which ties the figures to their numbers.</summary>
internal static class DemoReport
{
    public static void SaveCurves(string folder, MixtureOutcome mixture, RbmOutcome rbm)
    {
        double[] steps = [.. Enumerable.Range(1, mixture.Losses.Count).Select(i => (double)i)];
        CurvePlot.Save(Path.Combine(folder, DemoFiles.Curves),
        [
            new CurvePanel("Mixture: denoising score matching", "Adam step", "loss",
                [new Curve("denoising loss", steps, mixture.Losses)]),
            new CurvePanel("Mixture: held-out log-likelihood", "Adam step", "mean log p(x), nats",
                [new Curve("test log p(x)", [.. mixture.LogLikelihoods.Select(p => (double)p.Step)], [.. mixture.LogLikelihoods.Select(p => p.Value)])]),
            new CurvePanel("RBM: exact held-out log-likelihood", "epoch", "mean log p(v), nats",
                [new Curve("test log p(v)", [0.0, .. rbm.History.Select(e => (double)e.Epoch)], [rbm.InitialLogLikelihood, .. rbm.History.Select(e => e.LogLikelihood ?? double.NaN)])]),
        ]);
    }

    public static string Markdown(MixtureOutcome m, RbmOutcome r, double seconds, bool quick, string? fontNote)
    {
        var t = new StringBuilder();
        void Line(FormattableString s) => t.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        Line($"# Ebm demo");
        Line($"");
        Line($"Two energy-based models trained from nothing but what ships inside Ebm: no files, no network. Written by `ebm demo{(quick ? " --quick" : "")}` in {seconds:0.0} s.");
        Line($"");
        Line($"## A Gaussian mixture energy on two moons");
        Line($"");
        Line($"E(x) = −log Σₖ wₖ exp(−‖x − μₖ‖²/2σ²) with {m.Components} components (σ = {m.Sigma:0.###}; means and log-weights trained) is fitted by denoising score matching at noise σₙ = {m.NoiseSigma:0.###} (`ScoreMatchingLosses.Denoising`, {m.Steps} Adam steps on the two-moons training points, `Toy2D.Moons`).");
        Line($"The model is sampled with MALA (`Langevin.Mala`, {m.AcceptanceRate:P0} of the moves accepted) from chains started uniformly over the plotted box.");
        Line($"");
        Line($"![energy landscape]({DemoFiles.Landscape})");
        Line($"");
        Line($"| measure | value |");
        Line($"|---|---|");
        Line($"| mean held-out log p(x), before training | {m.InitialLogLikelihood:0.000} nats |");
        Line($"| mean held-out log p(x), after training | **{m.TestLogLikelihood:0.000} nats** |");
        Line($"| final denoising loss | {m.FinalLoss:0.000} |");
        Line($"| MMD² (Gaussian kernel, h = {m.MmdBandwidth:0.##}) between MALA samples and held-out points | **{m.Mmd2:0.0000}** |");
        Line($"| the same between a fresh draw of the data and the held-out points | {m.Mmd2Reference:0.0000} |");
        Line($"");
        Line($"log p(x) = −E(x) − log Z with log Z integrated by Gauss–Legendre quadrature (`LogPartition.Integrate`), so the figure is exact, not a bound.");
        Line($"Denoising score matching fits the data convolved with N(0, σₙ²I), so the samples spread a little wider than the moons, one reason the samples' MMD² can sit above that of two draws of the data.");
        Line($"The loss itself stays near d/(2σₙ²) = {1 / (m.NoiseSigma * m.NoiseSigma):0} because its target (x − x̃)/σₙ² is noisy; only its decrease says the score was learnt.");
        Line($"");
        Line($"## A Bernoulli RBM on Fashion-MNIST");
        Line($"");
        var last = r.History[^1];
        Line($"A {28 * 28}×{r.Hidden} Bernoulli RBM (`BernoulliRbm`) trained by PCD-1 (`Trainer.Train`, {RbmDemo.Chains} persistent chains, batch {RbmDemo.BatchSize}, learning rate {RbmDemo.LearningRate} decaying linearly to {RbmDemo.FinalRateFraction:P0} of it, momentum {RbmDemo.Momentum}) for {r.History.Count} epochs on the {r.TrainRows} binarised training images of the Fashion-MNIST subset embedded in Ebm.dll (© 2017 Zalando SE, MIT licence).");
        Line($"With {r.Hidden} hidden units log Z is computed exactly, by enumerating the 2^{r.Hidden} hidden states and summing out the visibles.");
        Line($"");
        Line($"![RBM samples]({DemoFiles.RbmSamples})");
        Line($"");
        Line($"| measure | value |");
        Line($"|---|---|");
        Line($"| mean held-out log p(v) ({r.TestRows} test images), initial model | {r.InitialLogLikelihood:0.00} nats |");
        Line($"| mean held-out log p(v), after {r.History.Count} epochs | **{last.LogLikelihood:0.00} nats** |");
        Line($"| reconstruction error (last epoch) | {last.ReconstructionError:0.0000} |");
        Line($"| training throughput (last epoch) | {last.SamplesPerSecond:N0} images/s |");
        Line($"| mean pixel of the samples' p(v = 1 ∣ h) / of the training images | {r.SampleActivity:0.000} / {r.DataActivity:0.000} |");
        Line($"");
        Line($"## Training curves");
        Line($"");
        Line($"![training curves]({DemoFiles.Curves})");
        Line($"");
        Line($"Left to right: the denoising loss per step, the mixture's held-out log-likelihood every few steps, and the RBM's exact held-out log-likelihood per epoch (epoch 0 is the initial model).");
        Line($"");
        Line($"| epoch | test log p(v) | reconstruction error | pseudo-likelihood |");
        Line($"|---|---|---|---|");
        foreach (var e in r.History)
            Line($"| {e.Epoch} | {e.LogLikelihood:0.00} | {e.ReconstructionError:0.0000} | {e.PseudoLikelihood:0.00} |");
        if (fontNote is not null)
        {
            Line($"");
            Line($"Note: {fontNote}.");
        }
        return t.ToString();
    }
}
