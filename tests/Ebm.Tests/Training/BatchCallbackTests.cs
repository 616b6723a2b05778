using Ebm.Models;
using Ebm.Tests.IO;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>
/// <see cref="TrainingOptions.OnBatch"/>: called once per update, in order, without changing the result; a token
/// cancelled from it stops the run at the end of that epoch, checkpointed, and the resumed run ends as an uninterrupted one.
/// </summary>
public sealed class BatchCallbackTests
{
    private static readonly Ebm.Data.Dataset Data = TinyModels.Rows(TinyModels.BinaryRows(230, 12, 9, 0.3f), 12);

    private static readonly TrainingOptions Options = new(4, 20, 0.05f, 21) { Momentum = 0.5f };

    private static IGibbsModel Rbm() => BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 12, h: 5, seed: 2));

    [Fact]
    public void Every_update_is_reported_once_in_order_and_the_result_is_unchanged()
    {
        var seen = new List<BatchRecord>();
        TrainingResult watched = Trainer.Train(Rbm(), Data, Options with { OnBatch = seen.Add });
        TrainingResult plain = Trainer.Train(Rbm(), Data, Options);
        Assert.Equal(plain.Parameters, watched.Parameters);
        // 230 rows in batches of 20: 12 updates an epoch, the last of 10 rows.
        Assert.Equal(4 * 12, seen.Count);
        Assert.All(seen, b => Assert.Equal(12, b.Batches));
        Assert.Equal(Enumerable.Range(0, 48).Select(i => (i / 12 + 1, i % 12 + 1)), seen.Select(b => (b.Epoch, b.Batch)));
        Assert.All(seen, b => Assert.Equal(0.05, b.LearningRate, 6));
    }

    [Fact]
    public void A_token_cancelled_mid_epoch_stops_after_that_epoch_and_the_resume_ends_as_an_uninterrupted_run()
    {
        using var folder = new TempFolder();
        string checkpoint = folder.File("run.safetensors");
        TrainingResult whole = Trainer.Train(Rbm(), Data, Options);

        using var stop = new CancellationTokenSource();
        var interrupted = Options with { CheckpointPath = checkpoint, OnBatch = b => { if (b.Epoch == 2 && b.Batch == 3) stop.Cancel(); } };
        Assert.Throws<OperationCanceledException>(() => Trainer.Train(Rbm(), Data, interrupted, stop.Token));
        // The checkpoint holds epoch 2 whole: its history and the parameters of a two-epoch run.
        string history = Ebm.IO.Safetensors.Read(checkpoint).Metadata[Checkpoint.HistoryKey];
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(history).RootElement.GetArrayLength());
        Assert.Equal(Trainer.Train(Rbm(), Data, Options with { Epochs = 2 }).Parameters, Ebm.IO.ModelFile.Load(checkpoint, Rbm()));

        TrainingResult resumed = Trainer.Train(Rbm(), Data, Options with { CheckpointPath = checkpoint, Resume = true });
        Assert.Equal(whole.Parameters.Select(BitConverter.SingleToInt32Bits), resumed.Parameters.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(whole.History.Select(h => h.ReconstructionError), resumed.History.Select(h => h.ReconstructionError));
    }
}
