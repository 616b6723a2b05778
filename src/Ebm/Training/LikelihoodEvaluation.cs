namespace Ebm.Training;

/// <summary>The mean log-likelihood of data under a trained model, by exact enumeration or AIS.</summary>
public static class LikelihoodEvaluation
{
    /// <summary>Mean log p(x) of the rows.</summary>
    /// <param name="model">
    /// A model with binary hidden groups. With AIS and one summable hidden group (an RBM) the mean is log p(x) with AIS's
    /// log Z; with several summable hidden groups (a DBM) it is the variational lower bound with AIS's log Z.
    /// </param>
    /// <param name="data">Rows of the data group, row-major (binary for a binary group).</param>
    /// <param name="estimate"><see cref="LogLikelihoodEstimate.Exact"/> or <see cref="LogLikelihoodEstimate.Ais"/>.</param>
    /// <param name="options">The data group, AIS runs and transitions, the seed and threads (other members unused).</param>
    /// <returns>The mean log-likelihood, the log Z it used and that log Z's standard error (0 when exact).</returns>
    /// <exception cref="ArgumentException">The model cannot be evaluated that way, or the rows do not fit.</exception>
    public static LikelihoodResult Evaluate(IGibbsModel model, ReadOnlyMemory<float> data, LogLikelihoodEstimate estimate, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (estimate == LogLikelihoodEstimate.None)
            throw new ArgumentException("Choose the exact or the AIS estimate.", nameof(estimate));
        var roles = new ModelRoles(model, options.DataGroup);
        int columns = model.Layout.States[roles.Data].Size;
        int rows = EnergyModelSupport.RowCount(data.Span, columns, nameof(data));
        if (rows == 0)
            throw new ArgumentException("The data has no rows.", nameof(data));
        var (mean, logZ, error, isBound) = EpochMonitor.LogLikelihood(model, roles, data.ToArray(), rows, options with { Evaluation = estimate }, 0);
        return new LikelihoodResult(mean!.Value, logZ!.Value, error!.Value, rows) { IsLowerBound = isBound };
    }
}

/// <summary>What <see cref="LikelihoodEvaluation.Evaluate"/> measured.</summary>
/// <param name="MeanLogLikelihood">Mean log p(x) in nats.</param>
/// <param name="LogZ">The log partition function used.</param>
/// <param name="LogZStandardError">AIS's standard error of log Ẑ (0 when exact); the mean's error is the same.</param>
/// <param name="Rows">Rows evaluated.</param>
public sealed record LikelihoodResult(double MeanLogLikelihood, double LogZ, double LogZStandardError, int Rows)
{
    /// <summary>True when <see cref="MeanLogLikelihood"/> is the variational lower bound (AIS on a model with several hidden groups).</summary>
    public bool IsLowerBound { get; init; }
}
