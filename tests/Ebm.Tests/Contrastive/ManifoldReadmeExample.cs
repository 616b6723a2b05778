using System.Diagnostics;
using Ebm.Contrastive;
using Ebm.Data;
using Ebm.Models;
using Ebm.Statistics;
using Ebm.Training;
using Xunit.Abstractions;

namespace Ebm.Tests.Contrastive;

/// <summary>
/// The README's contrastive example, verbatim between the markers: if this stops compiling or passing, the README is
/// wrong. It is also the mode-coverage test of a neural energy on the 8-Gaussian ring.
/// </summary>
public sealed class ManifoldReadmeExample(ITestOutputHelper output)
{
    /// <remarks>
    /// Samples: 4,000 chains from fresh uniform noise on [−6, 6]², 1,000 moves each of the training's rule (α = 0.01,
    /// noise scale 1, clamped to the box), i.e. long-run Langevin of the trained energy, not the training's negatives.
    /// Each mode's share of the nearest-mode assignment must be within 0.05 of 1/8 (the brief's tolerance; the
    /// sampling error alone is 0.0074). Measured at seed 1 and recorded in specs/contrastive.md.
    /// </remarks>
    [Fact]
    public void ANeuralEnergyPutsAnEighthOfItsSamplesOnEachModeOfTheRing()
    {
        var clock = Stopwatch.StartNew();
        // README begin
        Dataset ring = Toy2D.Mixture8(2000, seed: 1);                               // 8 Gaussians (std 0.5) on a circle of radius 4
        var p = MlpEnergy.Parameters.Create(x: 2, W1Rows: 32, W2Rows: 32, seed: 1);
        var mlp = MlpEnergy.Create(p.WithVector(p.ToVector().Select(w => 50 * w).ToArray()));   // weights N(0, 0.5²)
        var options = new ContrastiveOptions(Epochs: 80, BatchSize: 128, LearningRate: 0.003f, Seed: 1)
        {
            Chains = 256, InitLower = -6, InitUpper = 6, ClampLower = -6, ClampUpper = 6,  // K = 60 moves of α = 0.01 per update
            Schedule = LearningRateSchedule.LinearDecay(0.05),
        };
        var sampling = new ManifoldSampling(Chains: 4000, Steps: 1000, Bins: 32, MmdRows: 1000);    // chains from noise on the box
        Manifold2DResult fit = Manifold2D.Fit(mlp, ring, options, sampling);        // train, sample, histogram, MMD² to the data
        double[] shares = Manifold2D.NearestShares(fit.Samples, Toy2D.Mixture8Components);   // each ≈ 1/8
        // README end
        ContrastiveEpochRecord last = fit.Training.History[^1];
        output.WriteLine($"epoch {last.Epoch}: loss {last.Loss:F4}, regulariser {last.Regularization:F4}, E_data {last.DataEnergy:F3}, E_neg {last.NegativeEnergy:F3}, |g| {last.GradientNorm:F3}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s; shares {string.Join(" ", shares.Select(s => s.ToString("F3")))}");

        Assert.All(shares, s => Assert.InRange(s, 0.125 - 0.05, 0.125 + 0.05));

        // On the modes, not between them: a sample more than 1.5 (3 std) from every mean has probability e^(−4.5) = 0.011
        // under the data's law.
        int n = fit.Samples.Length / 2;
        double far = Enumerable.Range(0, n).Count(r => Toy2D.Mixture8Components.Min(c =>
            Math.Sqrt(Math.Pow(fit.Samples[2 * r] - c.MeanX, 2) + Math.Pow(fit.Samples[2 * r + 1] - c.MeanY, 2))) > 1.5) / (double)n;
        output.WriteLine($"far {far:F3}; MMD² {fit.MmdSquared:F5} (h {fit.Bandwidth:F2})");
        Assert.True(far < 0.1, $"{far:P1} of the samples are more than 1.5 from every mode");

        // MMD² at h = 0.5 (the modes' std; the median heuristic's h ≈ 5.7 barely sees the modes) to 1,000 data rows is
        // under a fifth of uniform noise's on the box: a sanity bound beside the shares; measured 0.10 of it.
        var noise = new float[2000];
        new Ebm.Rng.RandomStream(99, 0, 0).FillUniform(noise);
        for (int i = 0; i < noise.Length; i++)
            noise[i] = -6 + 12 * noise[i];
        ReadOnlySpan<float> reference = ring.Values.Span[..2000];
        double mmd = MaximumMeanDiscrepancy.UnbiasedSquared(reference, fit.Samples.AsSpan(0, 2000), 2, 0.5);
        double baseline = MaximumMeanDiscrepancy.UnbiasedSquared(reference, noise, 2, 0.5);
        output.WriteLine($"MMD² at h = 0.5: samples {mmd:F5}, uniform noise {baseline:F5}");
        Assert.True(mmd < 0.2 * baseline, $"MMD² {mmd} vs noise's {baseline}");
        Assert.Equal(n, fit.Histogram.Counts.Sum() + fit.Histogram.Outside);
        Assert.Equal(80, fit.Training.History.Count);
    }

    [Fact]
    public void TheReadmeShowsTheExampleVerbatim()
    {
        string here = File.ReadAllText(SourceFile());
        int begin = here.IndexOf("// README begin\n", StringComparison.Ordinal) + "// README begin\n".Length;
        int end = here.IndexOf("        // README end", StringComparison.Ordinal);
        string snippet = string.Join("\n", here[begin..end].TrimEnd('\n').Split('\n').Select(line => line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line));
        string readme = File.ReadAllText(Path.Combine(Ebm.Tests.IO.Fixtures.RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        Assert.Contains("```csharp\n" + snippet + "\n```", readme);
    }

    // Found from the repository root, not [CallerFilePath]: CI's deterministic build maps source paths to /_/.
    private static string SourceFile() => Path.Combine(Ebm.Tests.IO.Fixtures.RepositoryRoot(), "tests/Ebm.Tests/Contrastive/ManifoldReadmeExample.cs");
}
