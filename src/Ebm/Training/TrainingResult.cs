namespace Ebm.Training;

/// <summary>The outcome of <see cref="Trainer.Train(IGibbsModel, Data.Dataset, TrainingOptions)"/>.</summary>
/// <param name="Parameters">The trained flat parameter vector (<see cref="IEnergyModel.CopyParameters"/>'s layout); pass it to the generated <c>Parameters.WithVector</c>.</param>
/// <param name="Model">The model bound to <paramref name="Parameters"/>.</param>
/// <param name="History">One record per epoch, resumed epochs included.</param>
public sealed record TrainingResult(float[] Parameters, IGibbsModel Model, IReadOnlyList<EpochRecord> History)
{
    /// <summary>The history (a read-only copy of what was given).</summary>
    public IReadOnlyList<EpochRecord> History { get; init => field = value.ToArray(); } = History.ToArray();
}
