using Ebm.Data;
using Ebm.Models;
using Ebm.Sampling;
using Ebm.ScoreMatching;
using Ebm.Statistics;
using Ebm.Training;

namespace Ebm.Tests.ScoreMatching;

/// <summary>
/// σ as an input: NoiseInputMlp (σ a one-unit state group) seen through <see cref="NoiseInput.AtNoise"/> is, level by level,
/// the built-in NoiseConditionalMlp (σ a [Const]) — same energies, scores, second derivatives and training — and
/// trains and samples on its own.
/// </summary>
public sealed class NoiseInputTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Hidden = 16;

    private static float[] Theta(ulong seed) => Initialization.LeCunNormal(NoiseConditionalMlp.Parameters.Create(2, Hidden, Hidden, 1f, seed: 1).Layout, seed);

    private static IScoreModel Input(float[] theta) =>
        NoiseInputMlp.Create(NoiseInputMlp.Parameters.Create(x: 2, s: 1, W1Rows: Hidden, W2Rows: Hidden, seed: 1).WithVector(theta));

    private static IScoreModel Const(float sigma, float[] theta) =>
        NoiseConditionalMlp.Create(NoiseConditionalMlp.Parameters.Create(2, Hidden, Hidden, sigma, seed: 1).WithVector(theta));

    [Fact]
    public void AtEachLevelTheInputModelIsTheConstModel()
    {
        float[] theta = Theta(3);
        var rows = new float[2 * 37];
        new Ebm.Rng.RandomStream(5, 0, 0).FillNormal(rows);
        var u = new float[rows.Length];
        new Ebm.Rng.RandomStream(6, 0, 0).FillNormal(u);
        Func<float, IScoreModel> atNoise = NoiseInput.AtNoise(Input(theta), "s");
        foreach (float sigma in new[] { 0.05f, 0.4f, 2f })
        {
            IScoreModel a = atNoise(sigma), b = Const(sigma, theta);
            Assert.Equal(["x"], a.Layout.States.Select(s => s.Name));
            Assert.Equal(b.Layout.ParameterCount, a.Layout.ParameterCount);
            Close(Energies(b, rows), Energies(a, rows), 1e-5);
            var (ga, gb) = (new float[rows.Length], new float[rows.Length]);
            a.StateGradient([rows], [ga], new float[37]);
            b.StateGradient([rows], [gb], new float[37]);
            Close(gb, ga, 1e-5);
            var (la, lb) = (new float[37], new float[37]);
            a.Laplacian([rows], la);
            b.Laplacian([rows], lb);
            Close(lb, la, 1e-4);
            var (pa, pb) = (new float[theta.Length], new float[theta.Length]);
            var weights = Enumerable.Repeat(1f / 37, 37).ToArray();
            a.AccumulateLaplacianParameterGradient([rows], weights, pa);
            b.AccumulateLaplacianParameterGradient([rows], weights, pb);
            Close(pb, pa, 1e-4);
            Array.Clear(pa);
            Array.Clear(pb);
            a.AccumulateDirectionalParameterGradient([rows], [u], weights, pa);
            b.AccumulateDirectionalParameterGradient([rows], [u], weights, pb);
            Close(pb, pa, 1e-4);
        }
    }

    [Fact]
    public void NcsnTrainingOfTheInputModelFollowsTheConstModel()
    {
        Dataset moons = Toy2D.Load(ToyDataset.Moons, 512, 0, 2).Train;
        float[] theta = Theta(4);
        var options = new ScoreTrainingOptions(ScoreMethod.NoiseConditional, Epochs: 3, BatchSize: 64, LearningRate: 3e-3f, Seed: 9)
        {
            NoiseLevels = NoiseSchedule.Geometric(2f, 0.05f, 6),
        };
        ScoreTrainingResult viaInput = ScoreTrainer.TrainNoiseConditional(NoiseInput.AtNoise(Input(theta), "s"), moons, options);
        ScoreTrainingResult viaConst = ScoreTrainer.TrainNoiseConditional(s => Const(s, theta), moons, options);
        Assert.NotEqual(theta, viaInput.Parameters);
        Close(viaConst.Parameters, viaInput.Parameters, 1e-3);
        for (int e = 0; e < 3; e++)
            Assert.Equal(viaConst.History[e].Loss, viaInput.History[e].Loss, 1e-3 * Math.Abs(viaConst.History[e].Loss));
        IScoreModel underlying = NoiseInput.Underlying(viaInput.Model);
        Assert.Equal("NoiseInputMlp", underlying.Layout.Description.Name);
        var stored = new float[theta.Length];
        underlying.CopyParameters(stored);
        Assert.Equal(viaInput.Parameters, stored);
    }

    [Fact]
    public void TheInputModelTrainsAndSamplesFourRings()
    {
        DataSplits rings = Toy2D.Load(ToyDataset.Rings, 2_000, 1_000, 11);
        IReadOnlyList<float> levels = NoiseSchedule.Geometric(3f, 0.05f, 8);
        float[] initial = Initialization.LeCunNormal(NoiseConditionalMlp.Parameters.Create(2, 64, 64, 1f, seed: 1).Layout, 1);
        IScoreModel model = NoiseInputMlp.Create(NoiseInputMlp.Parameters.Create(x: 2, s: 1, W1Rows: 64, W2Rows: 64, seed: 1).WithVector(initial));
        var options = new ScoreTrainingOptions(ScoreMethod.NoiseConditional, Epochs: 200, BatchSize: 128, LearningRate: 3e-3f, Seed: 1)
        {
            NoiseLevels = levels,
            Schedule = LearningRateSchedule.LinearDecay(0.1),
        };
        ScoreTrainingResult r = ScoreTrainer.TrainNoiseConditional(NoiseInput.AtNoise(model, "s"), rings.Train, options);

        float[] start = StandardWorkloads.NormalStart(1_000, 2, 3f, 3);
        var annealed = new AnnealedLangevinOptions(levels, 5e-4f, 100, 7);
        float[] trained = Langevin.Annealed(NoiseInput.AtNoise(NoiseInput.Underlying(r.Model), "s"), [start], annealed).States[0];
        float[] random = Langevin.Annealed(NoiseInput.AtNoise(model, "s"), [start], annealed).States[0];
        double t = MaximumMeanDiscrepancy.UnbiasedSquared(trained, rings.Test!.Values.Span, 2, 0.5);
        double u = MaximumMeanDiscrepancy.UnbiasedSquared(random, rings.Test!.Values.Span, 2, 0.5);
        output.WriteLine($"MMD² trained {t:G3}, untrained {u:G3}");
        Assert.True(t < 0.006, $"MMD² of the trained model's samples {t:G3}");
        Assert.True(10 * t <= u, $"MMD² trained {t:G3} is not 10× below untrained {u:G3}");
    }

    [Fact]
    public void ModelsOfAnotherShapeAreRefused()
    {
        var mlp = MlpEnergy.Create(MlpEnergy.Parameters.Create(2, 4, 4, seed: 1));
        var e = Assert.Throws<ArgumentException>(() => NoiseInput.AtNoise(mlp, "x"));
        Assert.StartsWith("A σ-input model has two continuous state groups, the data and 'x'; 'MlpEnergy' has (x: Continuous)", e.Message);
        var wide = NoiseInputMlp.Create(NoiseInputMlp.Parameters.Create(x: 2, s: 2, W1Rows: 4, W2Rows: 4, seed: 1));
        e = Assert.Throws<ArgumentException>(() => NoiseInput.AtNoise(wide, "s"));
        Assert.StartsWith("The noise group 's' of 'NoiseInputMlp' must hold one unit (σ); it has 2.", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInput.AtNoise(Input(Theta(1)), "s")(0f));
    }

    private static float[] Energies(IEnergyModel model, float[] rows)
    {
        var e = new float[rows.Length / 2];
        model.Energy([rows], e);
        return e;
    }

    private static void Close(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: {expected[i]} vs {actual[i]}");
    }
}
