namespace Ebm.Training;

/// <summary>
/// A gradient or a parameter became NaN or infinite. Training stops; <see cref="LastGoodParameters"/> are the values
/// before the failing update, and the checkpoint (when there is one) still holds the last completed epoch.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <param name="batch">The minibatch within the epoch, from 1.</param>
    /// <param name="what">"gradient" or "parameter".</param>
    /// <param name="parameterName">The parameter holding the first non-finite entry.</param>
    /// <param name="lastGoodParameters">The parameters before the failing update.</param>
    /// <param name="checkpointPath">The checkpoint left on disk, or null.</param>
    public TrainingDivergedException(int epoch, int batch, string what, string parameterName, float[] lastGoodParameters, string? checkpointPath)
        : base($"training diverged at epoch {epoch}, batch {batch}: the {what} of '{parameterName}' is not finite (NaN or ∞); "
               + (checkpointPath is null ? "" : $"{checkpointPath} keeps the last completed epoch; ")
               + "lower the learning rate or add weight decay")
    {
        Epoch = epoch;
        Batch = batch;
        What = what;
        ParameterName = parameterName;
        LastGoodParameters = lastGoodParameters;
        CheckpointPath = checkpointPath;
    }

    /// <summary>The epoch, from 1.</summary>
    public int Epoch { get; }

    /// <summary>The minibatch within the epoch, from 1.</summary>
    public int Batch { get; }

    /// <summary>"gradient" or "parameter"; "loss" or "negative samples" for a failure that is not one parameter's.</summary>
    public string What { get; }

    /// <summary>The parameter holding the first non-finite entry; empty for a failure that is not one parameter's.</summary>
    public string ParameterName { get; }

    /// <summary>The parameters before the failing update.</summary>
    public float[] LastGoodParameters { get; }

    /// <summary>The checkpoint left on disk, or null.</summary>
    public string? CheckpointPath { get; }

    /// <summary>
    /// For a failure that is not one parameter's, from the contrastive or the score trainer: <see cref="What"/> is "loss" or
    /// "negative samples", the message is <paramref name="reason"/> after the epoch and batch, and <see cref="ParameterName"/> is empty.
    /// </summary>
    internal TrainingDivergedException(string reason, int epoch, int batch, string what, float[] lastGoodParameters)
        : base($"training diverged at epoch {epoch}, batch {batch}: {reason}")
    {
        Epoch = epoch;
        Batch = batch;
        What = what;
        ParameterName = "";
        LastGoodParameters = lastGoodParameters;
    }
}
