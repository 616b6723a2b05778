namespace Ebm.ScoreMatching;

/// <summary>The outcome of <see cref="ScoreTrainer"/>.</summary>
/// <param name="Parameters">The trained flat parameter vector (<see cref="IEnergyModel.CopyParameters"/>'s layout).</param>
/// <param name="Model">The model bound to <paramref name="Parameters"/>; for a noise-conditional model, the model at the smallest level.</param>
/// <param name="History">One record per epoch.</param>
public sealed record ScoreTrainingResult(float[] Parameters, IScoreModel Model, IReadOnlyList<ScoreEpochRecord> History)
{
    /// <summary>The history (a read-only copy of what was given).</summary>
    public IReadOnlyList<ScoreEpochRecord> History { get; init => field = value.ToArray(); } = History.ToArray();
}
