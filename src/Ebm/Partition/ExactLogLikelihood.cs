namespace Ebm.Partition;

/// <summary>
/// Exact log-likelihoods of a two-group model whose other group is summable, as an RBM's visibles:
/// log p(v) = −F(v) − log Z with F the free energy summing out the hidden group.
/// </summary>
public static class ExactLogLikelihood
{
    /// <summary>log p of every row of <paramref name="data"/>.</summary>
    /// <param name="model">A model with exactly two state groups, one of them summable.</param>
    /// <param name="summedGroup">The summable group (an RBM's "h").</param>
    /// <param name="data">Rows of the other group, row-major.</param>
    /// <param name="logZ">The model's log partition function, e.g. <see cref="ExactLogZ.Compute(IEnergyModel)"/>'s.</param>
    /// <returns>One log-probability per row, in double precision.</returns>
    /// <exception cref="ArgumentException">The model does not have two groups, the group is not summable, or the data is empty or not whole rows.</exception>
    public static double[] LogProbabilities(IGibbsModel model, string summedGroup, ReadOnlyMemory<float> data, double logZ)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyList<StateLayout> groups = model.Layout.States;
        if (groups.Count != 2)
            throw new ArgumentException($"The exact log-likelihood takes a model of two groups, data and one summed out; '{model.Layout.Description.Name}' has {groups.Count}.", nameof(model));
        if (!model.Structure.SummableGroups.Contains(summedGroup))
            throw new ArgumentException($"'{summedGroup}' is not a summable group of '{model.Layout.Description.Name}'; the summable groups are ({string.Join(", ", model.Structure.SummableGroups)}).", nameof(summedGroup));
        int summed = model.Layout.StateIndex(summedGroup);
        int visible = 1 - summed;
        int rows = EnergyModelSupport.RowCount(data.Span, groups[visible].Size, nameof(data));
        if (rows == 0)
            throw new ArgumentException("The data has no rows.", nameof(data));
        var states = new ReadOnlyMemory<float>[2];
        states[visible] = data;
        states[summed] = new float[rows * groups[summed].Size];
        var free = new float[rows];
        model.FreeEnergy(summedGroup, states, free);
        return free.Select(f => -(double)f - logZ).ToArray();
    }

    /// <summary>The mean of <see cref="LogProbabilities(IGibbsModel, string, ReadOnlyMemory{float}, double)"/> over the rows: the average log-likelihood of a dataset.</summary>
    /// <inheritdoc cref="LogProbabilities(IGibbsModel, string, ReadOnlyMemory{float}, double)"/>
    public static double Mean(IGibbsModel model, string summedGroup, ReadOnlyMemory<float> data, double logZ) =>
        LogProbabilities(model, summedGroup, data, logZ).Average();

    /// <summary>As <see cref="Mean(IGibbsModel, string, ReadOnlyMemory{float}, double)"/>, computing log Z exactly first (<see cref="ExactLogZ.Compute(IEnergyModel)"/>).</summary>
    /// <inheritdoc cref="LogProbabilities(IGibbsModel, string, ReadOnlyMemory{float}, double)"/>
    public static double Mean(IGibbsModel model, string summedGroup, ReadOnlyMemory<float> data) =>
        Mean(model, summedGroup, data, ExactLogZ.Compute(model).LogZ);
}
