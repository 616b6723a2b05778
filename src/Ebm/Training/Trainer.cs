using System.Numerics.Tensors;
using System.Diagnostics;
using Ebm.Data;

namespace Ebm.Training;

/// <summary>
/// Maximum-likelihood training of any model with binary hidden groups (BernoulliRbm, GaussianBernoulliRbm,
/// BoltzmannMachine, DeepBoltzmannMachine, or a declared one) by stochastic gradient descent on the mean negative
/// log-likelihood, whose gradient is E_data[∇θE] − E_model[∇θE] (specs/training.md). Both expectations come from the
/// model's generated weighted parameter gradient; nothing here knows a model by name.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <param name="model">The model at its initial parameters.</param>
    /// <param name="data">Training rows of the data group (binarise them first for a binary data group).</param>
    /// <param name="options">Epochs, batch, learning rate, seed and the rest.</param>
    /// <returns>The trained parameters and model, and the per-epoch history.</returns>
    /// <exception cref="ArgumentException">The model has no usable hidden group, or the data rows do not fit the data group.</exception>
    /// <exception cref="TrainingDivergedException">A gradient or parameter became NaN or infinite.</exception>
    public static TrainingResult Train(IGibbsModel model, Dataset data, TrainingOptions options) =>
        Train(model, data, options, CancellationToken.None);

    /// <summary>Trains <paramref name="model"/>, stopping after the epoch during which <paramref name="cancellation"/> is cancelled (its checkpoint written).</summary>
    /// <inheritdoc cref="Train(IGibbsModel, Dataset, TrainingOptions)"/>
    /// <param name="model">The model at its initial parameters.</param>
    /// <param name="data">Training rows of the data group.</param>
    /// <param name="options">Epochs, batch, learning rate, seed and the rest.</param>
    /// <param name="cancellation">Checked after each epoch; a cancelled run throws <see cref="OperationCanceledException"/> and can be resumed from its checkpoint.</param>
    public static TrainingResult Train(IGibbsModel model, Dataset data, TrainingOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        var roles = new ModelRoles(model, options.DataGroup);
        ModelLayout layout = model.Layout;
        int columns = layout.States[roles.Data].Size;
        if (data.Columns != columns)
            throw new ArgumentException($"The data rows have {data.Columns} values but the data group '{layout.States[roles.Data].Name}' of '{layout.Description.Name}' has {columns} units.", nameof(data));
        if (data.Rows == 0)
            throw new ArgumentException("The data has no rows.", nameof(data));
        if (options.Evaluation != LogLikelihoodEstimate.None && options.EvaluationData is { } evaluation && evaluation.Columns != columns)
            throw new ArgumentException($"The evaluation rows have {evaluation.Columns} values, not {columns}.", nameof(options));

        (int Offset, int Length)[] frozen = [.. options.FrozenParameters.Select(name =>
        {
            ParameterLayout p = layout.Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw new ArgumentException($"'{layout.Description.Name}' has no trainable parameter '{name}' to freeze; its parameters are ({string.Join(", ", layout.Parameters.Select(q => q.Name))}).", nameof(options));
            return (p.Offset, p.Length);
        })];
        if (frozen.Length > 0 && options.Centering)
            throw new ArgumentException("Frozen parameters and centring do not combine: centring re-expresses every parameter.", nameof(options));

        var theta = new float[layout.ParameterCount];
        model.CopyParameters(theta);
        var optimizer = new OptimizerState(layout, options);
        var negative = new ModelTerm(model, roles, options);
        var history = new List<EpochRecord>();
        Checkpoint.Restored? restored = null;
        if (options.Resume && options.CheckpointPath is { } resumeFrom && File.Exists(resumeFrom))
        {
            restored = Checkpoint.Read(resumeFrom, layout, optimizer, options);
            theta = restored.Theta;
            history = restored.History;
            if (restored.Chains is not null)
                negative.Restore(restored.Chains);
        }

        Centering? centering = options.Centering ? Training.Centering.Create(model, roles, data.Values.Span, options.CenteringRate) : null;
        if (centering is not null)
        {
            if (restored?.Centered is { } saved)
            {
                centering.Restore(restored.Offsets!);
                theta = saved;
            }
            else
                theta = centering.ToCentered(model, theta);
        }
        // The model of each update reads θ's array itself where the model allows it (IRebindableModel): the optimiser
        // writes the other of the two arrays it alternates between, never the one a live model reads, and a copy per
        // update (1.5 MB for a 784×500 RBM) made a fifth of PCD-1's time page faults.
        IGibbsModel Sampled(float[] values)
        {
            IGibbsModel bound = model is IRebindableModel rebindable
                ? rebindable.Rebind(values) as IGibbsModel ?? Bind(model, values)
                : Bind(model, values);
            return centering is null ? bound : new CenteredModel(bound, centering.Offsets);
        }
        float[] Declared() => centering is null ? theta : centering.ToDeclared(model, theta);
        IGibbsModel current = Sampled(theta);
        ReadOnlySpan<float> values = data.Values.Span;
        int batches = (data.Rows + options.BatchSize - 1) / options.BatchSize;
        long totalUpdates = (long)batches * options.Epochs;
        float[] monitor = values[..(Math.Min(options.MonitorRows, data.Rows) * columns)].ToArray();
        float[] evaluationRows = options.EvaluationData?.Values.ToArray() ?? monitor;
        var gradient = new float[theta.Length];
        var next = new float[theta.Length];
        var scratch = new Scratch();

        for (int epoch = history.Count; epoch < options.Epochs; epoch++)
        {
            int[] order = Shuffling.Permutation(data.Rows, options.Seed, epoch);
            var clock = Stopwatch.StartNew();
            double rate = 0;
            for (int b = 0; b < batches; b++)
            {
                long update = (long)epoch * batches + b;
                int first = b * options.BatchSize, rows = Math.Min(options.BatchSize, data.Rows - first);
                float[] batch = scratch.Get("batch", 0, rows * columns);
                for (int r = 0; r < rows; r++)
                    values.Slice(order[first + r] * columns, columns).CopyTo(batch.AsSpan(r * columns, columns));

                WeightedStates positive = Gradient(current, roles, batch, rows, options, negative, update, gradient, scratch);
                rate = options.LearningRate * options.Schedule.Multiplier(epoch, update, totalUpdates);
                optimizer.Step(theta, gradient, (float)rate, next);
                foreach (var (offset, length) in frozen)
                    theta.AsSpan(offset, length).CopyTo(next.AsSpan(offset, length));
                // A NaN or ∞ in the gradient reaches the new parameters, so one check of them catches both; the
                // gradient is scanned only then, to name which one went first.
                if (!Divergence.AllFinite(next))
                {
                    bool gradientFailed = !Divergence.AllFinite(gradient);
                    Divergence.Throw(gradientFailed ? gradient : next, layout, epoch, b, gradientFailed ? "gradient" : "parameter", Declared(), options.CheckpointPath);
                }
                (theta, next) = (next, theta);
                centering?.Update(model, theta, positive);
                current = Sampled(theta);
                options.OnBatch?.Invoke(new BatchRecord(epoch + 1, b + 1, batches, rate));
            }
            double seconds = clock.Elapsed.TotalSeconds;

            float[] declared = Declared();
            IGibbsModel evaluated = centering is null ? current : Bind(model, declared);
            int monitored = monitor.Length / columns;
            double reconstruction = EpochMonitor.ReconstructionError(evaluated, roles, monitor, monitored, options);
            double? pseudo = EpochMonitor.PseudoLikelihood(evaluated, roles, monitor, monitored, options.Seed, epoch);
            var (logLikelihood, logZ, error, isBound) = EpochMonitor.LogLikelihood(evaluated, roles, evaluationRows, evaluationRows.Length / columns, options, epoch);
            var record = new EpochRecord(epoch + 1, rate, reconstruction, pseudo, logLikelihood, logZ, error, seconds, data.Rows / seconds)
            {
                LogLikelihoodIsLowerBound = logLikelihood is null ? null : isBound,
            };
            history.Add(record);
            if (options.CheckpointPath is { } path)
                Checkpoint.Write(path, layout, declared, optimizer, negative.PersistentStates, history, options,
                                 centering is null ? null : (theta, centering.Offsets));
            options.OnEpoch?.Invoke(record);
            if (epoch + 1 < options.Epochs)
                cancellation.ThrowIfCancellationRequested();
        }
        float[] result = (float[])Declared().Clone();
        return new TrainingResult(result, Bind(model, result), history);
    }

    /// <summary>Writes the loss gradient E_data[∇θE] − E_model[∇θE] of one minibatch into <paramref name="gradient"/>; returns the data term.</summary>
    internal static WeightedStates Gradient(IGibbsModel model, ModelRoles roles, float[] batch, int rows, TrainingOptions options,
                                  ModelTerm negative, long update, float[] gradient, Scratch scratch)
    {
        WeightedStates positive, start;
        if (options.PositivePhase == PositivePhase.Exact)
        {
            positive = DataTerm.Exact(model, roles, batch, rows, 1f / rows);
            start = DataTerm.Collapse(positive, roles, rows);
        }
        else
            positive = start = DataTerm.Means(model, roles, batch, rows, options.PositivePhase, options.MeanFieldIterations, options.MeanFieldDamping, 1f / rows, scratch);
        WeightedStates modelTerm = negative.Sample(model, start, update);
        Array.Clear(gradient);
        WeightedStates.Accumulate(model, [positive, modelTerm], gradient, scratch);
        return positive;
    }

    private static IGibbsModel Bind(IEnergyModel model, float[] theta) =>
        model.WithParameters(theta) as IGibbsModel
        ?? throw new InvalidOperationException($"'{model.Layout.Description.Name}'.WithParameters returned a model without Gibbs conditionals.");

    private static void Check(TrainingOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Epochs, 1, nameof(o.Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.BatchSize, 1, nameof(o.BatchSize));
        if (!(o.LearningRate > 0) || !float.IsFinite(o.LearningRate))
            throw new ArgumentOutOfRangeException(nameof(o.LearningRate), o.LearningRate, "The learning rate must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfNegative(o.GibbsSteps, nameof(o.GibbsSteps));
        if (o.NegativePhase != NegativePhase.Exact)
            ArgumentOutOfRangeException.ThrowIfLessThan(o.GibbsSteps, 1, nameof(o.GibbsSteps));
        if (!(o.Momentum >= 0 && o.Momentum < 1))
            throw new ArgumentOutOfRangeException(nameof(o.Momentum), o.Momentum, "The momentum must be in [0, 1).");
        if (!(o.WeightDecay >= 0))
            throw new ArgumentOutOfRangeException(nameof(o.WeightDecay), o.WeightDecay, "The weight decay must not be negative.");
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MonitorRows, 1, nameof(o.MonitorRows));
        if (!(o.MeanFieldDamping >= 0 && o.MeanFieldDamping < 1))
            throw new ArgumentOutOfRangeException(nameof(o.MeanFieldDamping), o.MeanFieldDamping, "The mean-field damping must be in [0, 1).");
        if (o.Resume && o.CheckpointPath is null)
            throw new ArgumentException("Resume needs a CheckpointPath to resume from.", nameof(o));
    }
}
