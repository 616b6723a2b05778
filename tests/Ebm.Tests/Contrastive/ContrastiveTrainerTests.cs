using Ebm.Contrastive;
using Ebm.Data;
using Ebm.Models;
using Ebm.Training;

namespace Ebm.Tests.Contrastive;

/// <summary>The trainer's failures, clipping and determinism.</summary>
public sealed class ContrastiveTrainerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Dataset Ring = Toy2D.Mixture8(300, 1);

    private static MlpEnergy.Model Mlp() => ContrastiveModels.Mlp(8, 4, 0.5f);

    private static ContrastiveOptions Small(int epochs, int batch, float rate) =>
        new(epochs, batch, rate, 3) { LangevinSteps = 3, InitLower = -6, InitUpper = 6, Optimizer = OptimizerKind.Sgd };

    /// <remarks>
    /// One batch per epoch and a learning rate multiplied by 10¹⁵ each epoch: the first epoch is ordinary, later ones
    /// blow the parameters up. The failure is then at batch 1 of some epoch e ≥ 2, and a run of e − 1 epochs with the
    /// same options and seed makes exactly the updates before it, so its parameters are the last good ones, bit for bit.
    /// </remarks>
    /// <remarks>Unclamped, the huge parameters first throw the negatives out of the reals; clamped to the box, the chains stay
    /// finite and the loss, gradient or parameters fail instead.</remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnExplodingLearningRateStopsNamingEpochAndBatchAndKeepsTheLastGoodParameters(bool clamped)
    {
        ContrastiveOptions options = Small(6, 300, 0.01f) with { Schedule = LearningRateSchedule.ExponentialDecay(1e15) };
        if (clamped)
            options = options with { ClampLower = -6, ClampUpper = 6 };
        var error = Assert.Throws<TrainingDivergedException>(() => ContrastiveTrainer.Train(Mlp(), Ring, options));
        output.WriteLine(error.Message);
        Assert.InRange(error.Epoch, 2, 6);
        Assert.Equal(1, error.Batch);
        Assert.Contains($"epoch {error.Epoch}, batch 1", error.Message);
        Assert.Contains(error.What, clamped ? new[] { "loss", "gradient", "parameter" } : new[] { "negative samples" });
        Assert.All(error.LastGoodParameters, v => Assert.True(float.IsFinite(v)));
        ContrastiveResult before = ContrastiveTrainer.Train(Mlp(), Ring, options with { Epochs = error.Epoch - 1 });
        Assert.Equal(before.Parameters, error.LastGoodParameters);
    }

    [Fact]
    public void AnExplodingLangevinStepNamesTheNegativeSamples()
    {
        // Weights N(0, 1) give state gradients of order one, so a drift of 10³⁸ of them overflows a float.
        ContrastiveOptions options = Small(1, 100, 0.01f) with { StepSize = 1e38f };
        var model = ContrastiveModels.Mlp(8, 4, 1f);
        var error = Assert.Throws<TrainingDivergedException>(() => ContrastiveTrainer.Train(model, Ring, options));
        output.WriteLine(error.Message);
        Assert.Equal("negative samples", error.What);
        Assert.Contains($"training diverged at epoch 1, batch {error.Batch}: negative chain", error.Message);
        Assert.Contains("short-run Langevin", error.Message);
        Assert.All(error.LastGoodParameters, v => Assert.True(float.IsFinite(v)));
    }

    /// <remarks>Plain SGD moves θ by η·g, so with clipping at c one update moves it by at most η·c (float rounding: 1e-5 relative).</remarks>
    [Fact]
    public void ClippingBoundsTheUpdateNorm()
    {
        const float rate = 0.1f, clip = 1e-3f;
        var start = new float[Mlp().Layout.ParameterCount];
        Mlp().CopyParameters(start);
        ContrastiveOptions options = Small(1, 300, rate) with { RegularizationWeight = 1f };
        double Moved(ContrastiveResult r) => Math.Sqrt(r.Parameters.Select((v, i) => (double)(v - start[i]) * (v - start[i])).Sum());

        ContrastiveResult free = ContrastiveTrainer.Train(Mlp(), Ring, options);
        ContrastiveResult clipped = ContrastiveTrainer.Train(Mlp(), Ring, options with { ClipNorm = clip });
        Assert.True(free.History[0].GradientNorm > 10 * clip, $"the gradient norm {free.History[0].GradientNorm} should exceed the clip");
        Assert.Equal(free.History[0].GradientNorm, clipped.History[0].GradientNorm);
        Assert.Equal(rate * free.History[0].GradientNorm, Moved(free), 1e-4 * rate * free.History[0].GradientNorm);
        Assert.InRange(Moved(clipped), 0.99 * rate * clip, rate * clip * (1 + 1e-5));
    }

    [Fact]
    public void TheSameSeedGivesTheSameBitsOnOneThreadOrManyAndAnotherSeedOthers()
    {
        // 130 chains and 150-row batches span three and two 64-row chunks, so threads really split the work.
        ContrastiveOptions options = new(2, 150, 3e-3f, 21) { LangevinSteps = 4, Chains = 130, BufferSize = 500, InitLower = -6, InitUpper = 6 };
        ContrastiveResult one = ContrastiveTrainer.Train(Mlp(), Ring, options with { MaxDegreeOfParallelism = 1 });
        ContrastiveResult two = ContrastiveTrainer.Train(Mlp(), Ring, options with { MaxDegreeOfParallelism = 2 });
        ContrastiveResult all = ContrastiveTrainer.Train(Mlp(), Ring, options);
        ContrastiveResult other = ContrastiveTrainer.Train(Mlp(), Ring, options with { Seed = 22 });
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.Parameters, all.Parameters);
        Assert.Equal(one.Chains, all.Chains);
        Assert.Equal(one.History.Select(r => r.Loss), all.History.Select(r => r.Loss));
        Assert.NotEqual(one.Parameters, other.Parameters);
    }

    [Fact]
    public void TheResultModelReadsItsOwnCopyOfTheParameters()
    {
        ContrastiveResult result = ContrastiveTrainer.Train(Mlp(), Ring, Small(1, 100, 0.01f));
        var bound = new float[result.Parameters.Length];
        result.Model.CopyParameters(bound);
        Assert.Equal(result.Parameters, bound);
        result.Parameters[0] += 1;
        result.Model.CopyParameters(bound);
        Assert.NotEqual(result.Parameters[0], bound[0]);
    }

    [Fact]
    public void BadModelsDataAndOptionsAreRejected()
    {
        var rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 2, h: 2, seed: 1));
        Assert.Contains("one continuous state group", Assert.Throws<ArgumentException>(() => ContrastiveTrainer.Train(rbm, Ring, Small(1, 10, 0.1f))).Message);
        var wide = MlpEnergy.Create(MlpEnergy.Parameters.Create(x: 3, W1Rows: 2, W2Rows: 2, seed: 1));
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => ContrastiveTrainer.Train(wide, Ring, Small(1, 10, 0.1f))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContrastiveTrainer.Train(Mlp(), Ring, Small(1, 10, 0.1f) with { ReinitFraction = 1.5f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContrastiveTrainer.Train(Mlp(), Ring, Small(1, 10, 0.1f) with { LangevinSteps = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContrastiveTrainer.Train(Mlp(), Ring, Small(1, 10, 0.1f) with { ClipNorm = 0 }));
        Assert.Throws<ArgumentException>(() => ContrastiveTrainer.Train(Mlp(), Ring, Small(1, 10, 0.1f) with { InitLower = 1, InitUpper = 1 }));
        Assert.Throws<ArgumentException>(() => ContrastiveTrainer.Train(Mlp(), Ring, Small(1, 10, 0.1f) with { ClampLower = 1, ClampUpper = 0 }));
    }

    [Fact]
    public void TheDescriptionIsJsonOfTheValueDecidingOptions()
    {
        ContrastiveOptions options = Small(4, 32, 0.01f) with { ClipNorm = 5, NoiseScale = 0.005f };
        using var json = System.Text.Json.JsonDocument.Parse(options.Describe());
        var root = json.RootElement;
        Assert.Equal("contrastive", root.GetProperty("method").GetString());
        Assert.Equal(3, root.GetProperty("k").GetInt32());
        Assert.Equal(0.005f, root.GetProperty("noise_scale").GetSingle());
        Assert.Equal(5f, root.GetProperty("clip_norm").GetSingle());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("clamp_lower").ValueKind);
        Assert.Equal(32, root.GetProperty("chains").GetInt32());
        Assert.Equal(0.05f, root.GetProperty("reinit_fraction").GetSingle());
        Assert.Equal(options.Describe(), (options with { MaxDegreeOfParallelism = 1 }).Describe());
        Assert.NotEqual(options.Describe(), (options with { Seed = 4 }).Describe());
    }
}
