namespace Ebm.Contrastive;

/// <summary>The outcome of <see cref="ContrastiveTrainer.Train(IEnergyModel, Data.Dataset, ContrastiveOptions)"/>.</summary>
/// <param name="Parameters">The trained flat parameter vector (<see cref="IEnergyModel.CopyParameters"/>'s layout).</param>
/// <param name="Model">The model bound to a copy of <paramref name="Parameters"/>.</param>
/// <param name="History">One record per epoch.</param>
/// <param name="Chains">The replay buffer (or, with <see cref="ContrastiveOptions.Persistent"/>, the persistent chains) at the end: rows of the state group, row-major.</param>
public sealed record ContrastiveResult(float[] Parameters, IEnergyModel Model, IReadOnlyList<ContrastiveEpochRecord> History, float[] Chains)
{
    /// <summary>The history (a read-only copy of what was given).</summary>
    public IReadOnlyList<ContrastiveEpochRecord> History { get; init => field = value.ToArray(); } = History.ToArray();
}
