using System.Diagnostics;
using System.Numerics.Tensors;
using Ebm.Data;
using Ebm.Training;

namespace Ebm.Contrastive;

/// <summary>
/// Contrastive training of a continuous energy with short-run Langevin negatives (Du &amp; Mordatch 2019; Nijkamp et al.
/// 2019): each update draws K moves x ← x − α∇ₓE + √(2α)·s·z from chains that start in a replay buffer (or from fresh
/// noise, or carry on as persistent chains), and steps along E_data[∇θE] − E_neg[∇θE] plus the energy-magnitude
/// regulariser's gradient, from the model's generated parameter gradient (specs/contrastive.md). The optimisers,
/// schedules and epoch shuffle are those of <see cref="Trainer"/>.
/// </summary>
public static class ContrastiveTrainer
{
    /// <summary>Trains <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <param name="model">A model with one state group, continuous, at its initial parameters.</param>
    /// <param name="data">Training rows of the group's size.</param>
    /// <param name="options">Epochs, batch, learning rate, seed and the rest.</param>
    /// <returns>The trained parameters and model, the per-epoch history and the final buffer or chains.</returns>
    /// <exception cref="ArgumentException">The model has another state group, or the data rows do not fit it.</exception>
    /// <exception cref="TrainingDivergedException">The negatives, the loss, the gradient or a parameter became NaN or infinite;
    /// it names the epoch and batch and holds the parameters before that update.</exception>
    public static ContrastiveResult Train(IEnergyModel model, Dataset data, ContrastiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int units = Units(model);
        if (data.Columns != units)
            throw new ArgumentException($"The data rows have {data.Columns} values but '{model.Layout.Description.Name}' has {units} units.", nameof(data));
        if (data.Rows == 0)
            throw new ArgumentException("The data has no rows.", nameof(data));

        ModelLayout layout = model.Layout;
        var theta = new float[layout.ParameterCount];
        model.CopyParameters(theta);
        var next = new float[theta.Length];
        var gradient = new float[theta.Length];
        var optimizer = new OptimizerState(layout, options.OptimizerSettings);
        var chains = new NegativeChains(units, options);
        int m = options.ChainsPerUpdate;
        var negatives = new float[m * units];
        var batch = new float[options.BatchSize * units];
        ulong langevinSeed = ContrastiveSeeds.For(options.Seed, ContrastiveSeeds.Langevin);
        int batches = (data.Rows + options.BatchSize - 1) / options.BatchSize;
        long totalUpdates = (long)batches * options.Epochs;
        ReadOnlySpan<float> values = data.Values.Span;
        var history = new List<ContrastiveEpochRecord>();
        IEnergyModel current = Bind(model, theta);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            int[] order = Shuffling.Permutation(data.Rows, options.Seed, epoch);
            var clock = Stopwatch.StartNew();
            double rate = 0, loss = 0, regularization = 0, dataEnergy = 0, negativeEnergy = 0, norms = 0;
            long fresh = 0;
            for (int b = 0; b < batches; b++)
            {
                long update = (long)epoch * batches + b;
                int first = b * options.BatchSize, rows = Math.Min(options.BatchSize, data.Rows - first);
                for (int r = 0; r < rows; r++)
                    values.Slice(order[first + r] * units, units).CopyTo(batch.AsSpan(r * units, units));

                fresh += chains.Start(update, negatives);
                int bad = ShortRunLangevin.Run(current, negatives, m, units, langevinSeed, update * options.LangevinSteps, options.LangevinSteps,
                    options.StepSize, options.NoiseScale, options.ClampLower, options.ClampUpper, options.MaxDegreeOfParallelism);
                if (bad >= 0)
                    throw new TrainingDivergedException($"negative chain {bad} left the reals (NaN or ∞) during short-run Langevin; lower the step size or clamp the states",
                        epoch + 1, b + 1, "negative samples", (float[])theta.Clone());
                chains.Store(negatives);

                ContrastiveLossResult step = ContrastiveLoss.Compute(current, units, batch.AsMemory(0, rows * units), rows, negatives, m,
                    options.RegularizationWeight, gradient, options.MaxDegreeOfParallelism);
                if (!double.IsFinite(step.Loss) || !double.IsFinite(step.Regularization))
                    throw new TrainingDivergedException($"the loss is not finite (mean data energy {step.DataEnergy}, mean negative energy {step.NegativeEnergy}); lower the learning rate or raise the regularisation weight",
                        epoch + 1, b + 1, "loss", (float[])theta.Clone());
                if (!Divergence.AllFinite(gradient))
                    Divergence.Throw(gradient, layout, epoch, b, "gradient", theta, null);
                double norm = Divergence.ClipNorm(gradient, options.ClipNorm);

                rate = options.LearningRate * options.Schedule.Multiplier(epoch, update, totalUpdates);
                optimizer.Step(theta, gradient, (float)rate, next);
                if (!Divergence.AllFinite(next))
                    Divergence.Throw(next, layout, epoch, b, "parameter", theta, null);
                // The model of the next update reads the new array; the old one becomes the optimiser's next target, and no
                // live model reads it any more.
                (theta, next) = (next, theta);
                current = Bind(model, theta);

                loss += step.Loss;
                regularization += step.Regularization;
                dataEnergy += step.DataEnergy;
                negativeEnergy += step.NegativeEnergy;
                norms += norm;
            }
            double seconds = clock.Elapsed.TotalSeconds;
            var record = new ContrastiveEpochRecord(epoch + 1, rate, loss / batches, regularization / batches, dataEnergy / batches,
                negativeEnergy / batches, norms / batches, fresh, (long)m * batches, seconds, batches / seconds, data.Rows / seconds);
            history.Add(record);
            options.OnEpoch?.Invoke(record);
        }
        float[] result = (float[])theta.Clone();
        return new ContrastiveResult(result, model.WithParameters(result), history, (float[])chains.States.Clone());
    }

    /// <summary>The size of the model's one state group, which must be continuous.</summary>
    internal static int Units(IEnergyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelLayout layout = model.Layout;
        if (layout.States.Count != 1 || layout.ContinuousStates.Count != 1 || layout.States[0].Size == 0)
            throw new ArgumentException(
                $"Contrastive training takes a model with one continuous state group; '{layout.Description.Name}' has {layout.States.Count} groups ({string.Join(", ", layout.States.Select(s => $"{s.Name}: {s.Kind}"))}).",
                nameof(model));
        return layout.States[0].Size;
    }

    private static IEnergyModel Bind(IEnergyModel model, float[] theta) =>
        model is IRebindableModel rebindable ? rebindable.Rebind(theta) : model.WithParameters(theta);
}
