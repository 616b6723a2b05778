using Ebm.Models;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>The trainer learns, reports its history, and refuses what it cannot train.</summary>
public sealed class TrainerTests
{
    // Three 10-bit patterns with 5% of the bits flipped: an RBM with 4 hiddens can model them well.
    internal static Ebm.Data.Dataset Patterns()
    {
        float[][] patterns = [[1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]];
        float[] noise = TinyModels.BinaryRows(300, 10, 21, 0.05f);
        float[] rows = new float[3000];
        for (int r = 0; r < 300; r++)
            for (int i = 0; i < 10; i++)
                rows[r * 10 + i] = Math.Abs(patterns[r % 3][i] - noise[r * 10 + i]);
        return TinyModels.Rows(rows, 10);
    }

    public static TheoryData<string> Methods => new() { "pcd", "cd", "pt", "adam", "exact", "centred", "bm", "dbm", "dbm-centred" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void TrainingRaisesTheExactLogLikelihood(string method)
    {
        IGibbsModel model = method switch
        {
            "bm" => BoltzmannMachine.Create(BoltzmannMachine.Parameters.Create(v: 10, h: 3, beta: 1f, seed: 1)),
            "dbm" or "dbm-centred" => DeepBoltzmannMachine.Create(DeepBoltzmannMachine.Parameters.Create(v: 10, h1: 4, h2: 2, seed: 1)),
            _ => BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 10, h: 4, seed: 1)),
        };
        var options = new TrainingOptions(15, 20, 0.1f, 7) { Evaluation = LogLikelihoodEstimate.Exact, Momentum = 0.5f };
        options = method switch
        {
            "cd" => options with { NegativePhase = NegativePhase.ContrastiveDivergence },
            "pt" => options with { NegativePhase = NegativePhase.ParallelTempering, Chains = 20 },
            "adam" => options with { Optimizer = OptimizerKind.Adam, LearningRate = 0.02f, Momentum = 0 },
            "exact" => options with { NegativePhase = NegativePhase.Exact },
            "centred" or "dbm-centred" => options with { Centering = true, CenteringRate = 0.05f },
            _ => options,
        };
        TrainingResult result = Trainer.Train(model, Patterns(), options);
        Assert.Equal(15, result.History.Count);
        EpochRecord first = result.History[0], last = result.History[^1];
        Assert.True(last.LogLikelihood > first.LogLikelihood + 0.5, $"log-likelihood {first.LogLikelihood} → {last.LogLikelihood}");
        Assert.True(last.ReconstructionError < first.ReconstructionError, $"reconstruction {first.ReconstructionError} → {last.ReconstructionError}");
        // 3 patterns with 5% noise: the entropy is about log 3 + 10·H(0.05) ≈ 3.0 nats, so log p ≤ −3 on average.
        Assert.True(last.LogLikelihood > -6.5, $"final log-likelihood {last.LogLikelihood}");
        Assert.Equal(method is not ("bm" or "dbm" or "dbm-centred"), last.PseudoLikelihood is not null);
    }

    [Fact]
    public void SameSeedSameBitsAndAnotherSeedOthers()
    {
        var model = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 10, h: 4, seed: 1));
        var options = new TrainingOptions(2, 16, 0.1f, 7);
        float[] a = Trainer.Train(model, Patterns(), options).Parameters;
        float[] b = Trainer.Train(model, Patterns(), options with { MaxDegreeOfParallelism = 1 }).Parameters;
        float[] c = Trainer.Train(model, Patterns(), options with { Seed = 8 }).Parameters;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void CentringIsRefusedForAModelWithANonSummableGroup()
    {
        var model = BoltzmannMachine.Create(BoltzmannMachine.Parameters.Create(v: 10, h: 3, beta: 1f, seed: 1));
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(model, Patterns(), new TrainingOptions(1, 10, 0.1f, 1) { Centering = true }));
        Assert.StartsWith("Centring needs every group binary and summable (an energy affine in each); 'v' of 'BoltzmannMachine' is not.", e.Message);
    }

    [Fact]
    public void WrongDataWidthIsRefused()
    {
        var model = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 9, h: 4, seed: 1));
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(model, Patterns(), new TrainingOptions(1, 10, 0.1f, 1)));
        Assert.Contains("The data rows have 10 values but the data group 'v' of 'BernoulliRbm' has 9 units.", e.Message);
    }

    [Fact]
    public void GaussianVisiblesTrainWithBinaryHiddens()
    {
        var model = GaussianBernoulliRbm.Create(GaussianBernoulliRbm.Parameters.Create(v: 2, h: 4, sigma: 1f, seed: 1));
        Ebm.Data.Dataset data = Ebm.Data.Toy2D.Mixture8(400, 3);
        TrainingResult result = Trainer.Train(model, data, new TrainingOptions(10, 40, 0.01f, 1) { Momentum = 0.5f });
        Assert.True(result.History[^1].ReconstructionError < result.History[0].ReconstructionError);
        Assert.Null(result.History[^1].PseudoLikelihood);
    }
}
