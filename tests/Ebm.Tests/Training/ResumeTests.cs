using Ebm.IO;
using Ebm.Models;
using Ebm.Tests.IO;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>
/// A run stopped after an epoch and resumed from its checkpoint ends with the bits of an uninterrupted run; a run
/// whose parameters overflow stops naming the epoch and batch and leaves the last completed epoch on disk.
/// </summary>
public sealed class ResumeTests
{
    private static readonly Ebm.Data.Dataset Data = TinyModels.Rows(TinyModels.BinaryRows(230, 12, 9, 0.3f), 12);

    private static IGibbsModel Rbm() => BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 12, h: 5, seed: 2));

    public static TheoryData<string> Variants => new() { "pcd-momentum", "cd3-adam", "pt-decay", "bm-pcd", "centred-dbm" };

    private static (IGibbsModel Model, TrainingOptions Options) Setup(string variant) => variant switch
    {
        "pcd-momentum" => (Rbm(), new TrainingOptions(5, 20, 0.05f, 11) { Momentum = 0.5f, Evaluation = LogLikelihoodEstimate.Exact }),
        "cd3-adam" => (Rbm(), new TrainingOptions(5, 32, 0.01f, 12) { NegativePhase = NegativePhase.ContrastiveDivergence, GibbsSteps = 3, Optimizer = OptimizerKind.Adam }),
        "pt-decay" => (Rbm(), new TrainingOptions(5, 25, 0.05f, 13)
        {
            NegativePhase = NegativePhase.ParallelTempering, TemperingBetas = [1f, 0.6f, 0.3f], Chains = 10,
            Schedule = LearningRateSchedule.ExponentialDecay(0.7), WeightDecay = 1e-3f,
        }),
        "centred-dbm" => (DeepBoltzmannMachine.Create(DeepBoltzmannMachine.Parameters.Create(v: 12, h1: 4, h2: 3, seed: 4)),
            new TrainingOptions(5, 30, 0.05f, 15) { Centering = true, CenteringRate = 0.1f, Momentum = 0.3f }),
        _ => (BoltzmannMachine.Create(BoltzmannMachine.Parameters.Create(v: 12, h: 3, beta: 1f, seed: 4)), new TrainingOptions(5, 40, 0.05f, 14)),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void ResumedRunEndsWithTheBitsOfAnUninterruptedOne(string variant)
    {
        using var folder = new TempFolder();
        (IGibbsModel model, TrainingOptions options) = Setup(variant);
        TrainingResult whole = Trainer.Train(model, Data, options);

        string checkpoint = folder.File("run.safetensors");
        using var stop = new CancellationTokenSource();
        var interrupted = options with { CheckpointPath = checkpoint, OnEpoch = r => { if (r.Epoch == 2) stop.Cancel(); } };
        Assert.Throws<OperationCanceledException>(() => Trainer.Train(model, Data, interrupted, stop.Token));

        TrainingResult resumed = Trainer.Train(model, Data, options with { CheckpointPath = checkpoint, Resume = true });
        Assert.Equal(whole.Parameters.Select(BitConverter.SingleToInt32Bits), resumed.Parameters.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(5, resumed.History.Count);
        Assert.Equal(whole.History.Select(h => (h.ReconstructionError, h.PseudoLikelihood, h.LogLikelihood)),
                     resumed.History.Select(h => (h.ReconstructionError, h.PseudoLikelihood, h.LogLikelihood)));
        // The checkpoint is a model file of the final parameters.
        Assert.Equal(whole.Parameters, ModelFile.Load(checkpoint, model));
    }

    [Fact]
    public void ResumingWithOtherOptionsIsRefused()
    {
        using var folder = new TempFolder();
        (IGibbsModel model, TrainingOptions options) = Setup("pcd-momentum");
        string checkpoint = folder.File("run.safetensors");
        Trainer.Train(model, Data, options with { Epochs = 1, CheckpointPath = checkpoint });
        var e = Assert.Throws<InvalidOperationException>(() =>
            Trainer.Train(model, Data, options with { LearningRate = 0.1f, CheckpointPath = checkpoint, Resume = true }));
        Assert.Contains("other options", e.Message);
    }

    [Fact]
    public void DivergenceNamesEpochAndBatchAndKeepsTheLastGoodEpoch()
    {
        using var folder = new TempFolder();
        IGibbsModel model = Rbm();
        string checkpoint = folder.File("run.safetensors");
        // ×10¹⁵ per epoch: epoch 1 trains normally, later ones overflow float.
        var options = new TrainingOptions(6, 20, 0.05f, 3) { Schedule = LearningRateSchedule.ExponentialDecay(1e15), CheckpointPath = checkpoint };
        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(model, Data, options));
        Assert.True(e.Epoch >= 2, $"diverged at epoch {e.Epoch}");
        Assert.Contains($"epoch {e.Epoch}, batch {e.Batch}", e.Message);
        Assert.Contains(checkpoint, e.Message);
        Assert.All(e.LastGoodParameters, x => Assert.True(float.IsFinite(x)));

        float[] onDisk = ModelFile.Load(checkpoint, model);
        Assert.All(onDisk, x => Assert.True(float.IsFinite(x)));
        TrainingResult completed = Trainer.Train(model, Data, options with { Epochs = e.Epoch - 1, CheckpointPath = null });
        Assert.Equal(completed.Parameters, onDisk);
    }
}
