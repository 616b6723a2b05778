namespace Ebm.Training;

/// <summary>Where training stands after one update (<see cref="TrainingOptions.OnBatch"/>), for progress displays.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Batch">The batch within the epoch, from 1.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="LearningRate">The learning rate of the update.</param>
public sealed record BatchRecord(int Epoch, int Batch, int Batches, double LearningRate);
