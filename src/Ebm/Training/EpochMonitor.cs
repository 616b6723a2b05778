using Ebm.Data;
using Ebm.Numerics;
using Ebm.Partition;
using Ebm.Rng;

namespace Ebm.Training;

/// <summary>The measurements after an epoch: reconstruction error, pseudo-likelihood, and log-likelihood when asked.</summary>
internal static class EpochMonitor
{
    /// <summary>Mean ‖x − x̂‖² over the rows: x̂ is the data group's conditional mean given the hidden means of x.</summary>
    public static double ReconstructionError(IGibbsModel model, ModelRoles roles, float[] data, int rows, TrainingOptions options)
    {
        WeightedStates means = DataTerm.Means(model, roles, data, rows, options.PositivePhase == PositivePhase.Exact ? PositivePhase.Auto : options.PositivePhase, options.MeanFieldIterations, options.MeanFieldDamping, 1f);
        ReadOnlyMemory<float>[] view = means.View();
        string name = model.Layout.States[roles.Data].Name;
        var reconstruction = new float[data.Length];
        if (roles.DataIsBinary)
        {
            model.ConditionalLogits(name, view, reconstruction);
            StableMath.Sigmoid(reconstruction, reconstruction);
        }
        else
            model.GaussianConditional(name, view, reconstruction, new float[data.Length]);
        double sum = 0;
        for (int i = 0; i < data.Length; i++)
        {
            double d = data[i] - reconstruction[i];
            sum += d * d;
        }
        return sum / rows;
    }

    /// <summary>
    /// The stochastic pseudo-log-likelihood of scikit-learn's <c>BernoulliRBM.score_samples</c>: per row one unit i,
    /// drawn from (monitor seed, row, epoch), is flipped and D·log σ(F(x̃) − F(x)) estimates Σᵢ log p(xᵢ | x₋ᵢ).
    /// Null unless the data group is binary and one summable hidden group holds the rest.
    /// </summary>
    public static double? PseudoLikelihood(IGibbsModel model, ModelRoles roles, float[] data, int rows, ulong seed, int epoch)
    {
        if (roles.SingleSummableHidden is not { } hidden || !roles.DataIsBinary)
            return null;
        int d = model.Layout.States[roles.Data].Size;
        var flipped = (float[])data.Clone();
        for (int r = 0; r < rows; r++)
        {
            var stream = new RandomStream(TrainingSeeds.For(seed, TrainingSeeds.Monitor), (uint)r, (ulong)epoch);
            int i = (int)((ulong)stream.Bits(0) * (ulong)d >> 32);
            flipped[r * d + i] = 1f - flipped[r * d + i];
        }
        float[] f = FreeEnergies(model, roles, hidden, data, rows), g = FreeEnergies(model, roles, hidden, flipped, rows);
        double sum = 0;
        for (int r = 0; r < rows; r++)
            sum += d * StableMath.LogSigmoid((double)g[r] - f[r]);
        return sum / rows;
    }

    private static float[] FreeEnergies(IGibbsModel model, ModelRoles roles, string hidden, float[] data, int rows)
    {
        var states = new ReadOnlyMemory<float>[2];
        states[roles.Data] = data;
        states[roles.Hidden[0]] = new float[rows * model.Layout.States[roles.Hidden[0]].Size];
        var free = new float[rows];
        model.FreeEnergy(hidden, states, free);
        return free;
    }

    /// <summary>
    /// The mean log-likelihood of the rows, log Z and its standard error, or nulls when not asked. With AIS and several
    /// hidden groups (a DBM) the free energy of the data is not tractable, so the mean is the variational lower bound
    /// (<see cref="VariationalBound"/>) and <c>IsLowerBound</c> says so.
    /// </summary>
    public static (double? LogLikelihood, double? LogZ, double? StandardError, bool IsLowerBound) LogLikelihood(
        IGibbsModel model, ModelRoles roles, float[] data, int rows, TrainingOptions options, int epoch)
    {
        switch (options.Evaluation)
        {
            case LogLikelihoodEstimate.Exact:
            {
                double logZ = ExactLogZ.Compute(model).LogZ;
                double mean = roles.SingleSummableHidden is { } hidden
                    ? ExactLogLikelihood.Mean(model, hidden, new ReadOnlyMemory<float>(data, 0, rows * model.Layout.States[roles.Data].Size), logZ)
                    : DataTerm.LogMarginals(model, roles, data, rows).Average() - logZ;
                return (mean, logZ, 0, false);
            }
            case LogLikelihoodEstimate.Ais:
            {
                IGibbsModel baseModel = BaseRate(model, roles, data);
                AisResult ais = AnnealedImportanceSampling.Run(model, baseModel,
                    new AisOptions(AisSchedule.Uniform(options.AisTransitions), options.AisRuns, TrainingSeeds.For(options.Seed, TrainingSeeds.Ais) + (ulong)epoch)
                    { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism });
                var rowsOfData = new ReadOnlyMemory<float>(data, 0, rows * model.Layout.States[roles.Data].Size);
                if (roles.SingleSummableHidden is { } hidden)
                    return (ExactLogLikelihood.Mean(model, hidden, rowsOfData, ais.LogZ), ais.LogZ, ais.StandardError, false);
                double bound = VariationalBound.Compute(model, rowsOfData, ais.LogZ, VariationalBound.DefaultMaxSweeps, model.Layout.States[roles.Data].Name).MeanBound;
                return (bound, ais.LogZ, ais.StandardError, true);
            }
            default:
                return (null, null, null, false);
        }
    }

    // The data group's bias is found from the layout, not by name: the trainable vector of the group's size that
    // AisBaseModel accepts as entering the energy as −biasᵀu.
    private static IGibbsModel BaseRate(IGibbsModel model, ModelRoles roles, float[] data)
    {
        StateLayout group = model.Layout.States[roles.Data];
        foreach (ParameterLayout p in model.Layout.Parameters.Where(p => p.Rank == ParameterRank.Vector && p.Length == group.Size))
        {
            try
            {
                return AisBaseModel.BaseRate(model, group.Name, p.Name, data);
            }
            catch (ArgumentException)
            {
                // Not the bias of the data group; try the next candidate.
            }
        }
        throw new ArgumentException($"'{model.Layout.Description.Name}' has no bias of '{group.Name}' entering the energy as −biasᵀ{group.Name}, which the AIS base-rate model needs.", nameof(model));
    }
}
