namespace Ebm.Training;

/// <summary>What the trainer measured after one epoch (<see cref="TrainingResult.History"/>).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="LearningRate">The learning rate of the epoch's last update.</param>
/// <param name="ReconstructionError">Mean over the monitored rows of ‖x − x̂‖², x̂ the data group's conditional mean given the hidden means of x.</param>
/// <param name="PseudoLikelihood">Mean stochastic pseudo-log-likelihood D·log σ(F(x̃) − F(x)), x̃ = x with one random unit flipped (as scikit-learn's <c>score_samples</c>); null for a model without one summable hidden group.</param>
/// <param name="LogLikelihood">Mean log p(x) of the evaluation rows; null unless asked (<see cref="TrainingOptions.Evaluation"/>).</param>
/// <param name="LogZ">The log Z used for <paramref name="LogLikelihood"/>; null when not computed.</param>
/// <param name="LogZStandardError">AIS's standard error of log Ẑ; 0 when exact, null when not computed.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch's updates (monitoring excluded).</param>
/// <param name="SamplesPerSecond">Training rows per second of the epoch's updates.</param>
public sealed record EpochRecord(
    int Epoch,
    double LearningRate,
    double ReconstructionError,
    double? PseudoLikelihood,
    double? LogLikelihood,
    double? LogZ,
    double? LogZStandardError,
    double Seconds,
    double SamplesPerSecond)
{
    /// <summary>
    /// True when <see cref="LogLikelihood"/> is the variational lower bound (AIS on a DBM), false when it estimates log p
    /// itself; null when no log-likelihood was computed.
    /// </summary>
    public bool? LogLikelihoodIsLowerBound { get; init; }
}
