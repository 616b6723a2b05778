using Ebm.Data;
using Ebm.Training;
using Ebm.Cli.Commands;

namespace Ebm.Cli.Progress;

/// <summary>`ebm train`'s run of the trainer: a bar over all updates, a line per epoch, and Ctrl+C as a clean stop.</summary>
internal static class TrainingProgress
{
    /// <summary>The trained result, or null when Ctrl+C stopped the run after an epoch (its checkpoint written, the reason told).</summary>
    public static TrainingResult? Run(CliContext cli, string name, IGibbsModel model, Dataset data, TrainingOptions options)
    {
        int batches = (data.Rows + options.BatchSize - 1) / options.BatchSize;
        using var interruption = Interruption.Listen();
        try
        {
            return cli.Progress.Run(name, (double)batches * options.Epochs, stage => Trainer.Train(model, data, options with
            {
                OnBatch = b => stage.Report((double)(b.Epoch - 1) * b.Batches + b.Batch),
                OnEpoch = e =>
                {
                    cli.Info(TrainCommand.Human(e));
                    stage.Describe($"epoch {e.Epoch}/{options.Epochs}  reconstruction {e.ReconstructionError:0.###}"
                                   + (e.LogLikelihood is { } ll ? $"  log-likelihood {ll:0.##}" : ""));
                },
            }, interruption.Token));
        }
        catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
        {
            cli.Error.WriteLine($"ebm: interrupted; the last finished epoch is in {options.CheckpointPath}: run the same command with --checkpoint {options.CheckpointPath} --resume to continue");
            return null;
        }
    }
}
