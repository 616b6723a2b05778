namespace Ebm.ScoreMatching;

/// <summary>What <see cref="ScoreTrainer"/> measured in one epoch (<see cref="ScoreTrainingResult.History"/>).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="LearningRate">The learning rate of the epoch's last update.</param>
/// <param name="Loss">The mean over the epoch's rows of the loss each update saw (before its step); NCSN's is weighted by σ².</param>
/// <param name="GradientNorm">The mean over the updates of the loss gradient's Euclidean norm, before clipping.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch's updates.</param>
/// <param name="StepsPerSecond">Updates per second.</param>
/// <param name="SamplesPerSecond">Training rows per second.</param>
public sealed record ScoreEpochRecord(int Epoch, double LearningRate, double Loss, double GradientNorm, double Seconds,
                                      double StepsPerSecond, double SamplesPerSecond);
