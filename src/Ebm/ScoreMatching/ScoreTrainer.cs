using System.Diagnostics;
using System.Numerics.Tensors;
using Ebm.Data;
using Ebm.Rng;
using Ebm.Training;

namespace Ebm.ScoreMatching;

/// <summary>
/// Trains the energy of a model with one continuous state group by score matching (specs/score-matching.md): exact,
/// denoising at one σ, sliced, or multi-noise denoising (NCSN) over a schedule of levels, by minibatch SGD or Adam
/// with the optimisers and schedules of <see cref="Ebm.Training"/>, optional gradient-norm clipping, and divergence
/// detection. The losses and their parameter gradients come from the generated second-order pieces of
/// <see cref="IScoreModel"/>; nothing here knows a model by name.
/// </summary>
public static class ScoreTrainer
{
    /// <summary>Rows per model call: the chunks of a batch run in parallel and are summed in a fixed order.</summary>
    internal const int ChunkRows = 128;

    /// <summary>Trains <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <param name="model">The model at its initial parameters; its only state group is continuous. Under
    /// <see cref="ScoreMethod.NoiseConditional"/> this one model serves every level (its score does not see σ); use
    /// <see cref="TrainNoiseConditional"/> for a model that takes σ.</param>
    /// <param name="data">Training rows of the state group's size.</param>
    /// <param name="options">Method, epochs, batch, learning rate, seed and the rest.</param>
    /// <returns>The trained parameters and model, and the per-epoch history.</returns>
    /// <exception cref="ArgumentException">The model has another state group, the rows do not fit it, or an option is out of range.</exception>
    /// <exception cref="TrainingDivergedException">The loss, its gradient or the parameters became NaN or infinite.</exception>
    public static ScoreTrainingResult Train(IScoreModel model, Dataset data, ScoreTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        int levels = options.Method == ScoreMethod.NoiseConditional ? options.NoiseLevels.Count : 1;
        return Run(Enumerable.Repeat(model, Math.Max(levels, 1)).ToArray(), data, options);
    }

    /// <summary>
    /// NCSN training of a noise-conditional energy: <paramref name="modelAtNoise"/>(σ) is the model at level σ — for an
    /// energy that takes σ as a <c>[Const]</c> (e.g. <c>NoiseConditionalMlp</c>), the model built with that σ. It is
    /// called once per level, before training; every level's model must have the same layout, and the trainer binds
    /// them all to the one parameter vector it trains (that of the first level's model at the start).
    /// </summary>
    /// <param name="modelAtNoise">The model at a level, at its initial parameters.</param>
    /// <param name="data">Training rows of the state group's size.</param>
    /// <param name="options">Options with <see cref="ScoreMethod.NoiseConditional"/>.</param>
    /// <returns>The trained parameters, the model at the smallest level, and the history.</returns>
    /// <exception cref="ArgumentException">The method is not NCSN, the levels' models differ in layout, or as for <see cref="Train"/>.</exception>
    /// <exception cref="TrainingDivergedException">The loss, its gradient or the parameters became NaN or infinite.</exception>
    public static ScoreTrainingResult TrainNoiseConditional(Func<float, IScoreModel> modelAtNoise, Dataset data, ScoreTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(modelAtNoise);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Method != ScoreMethod.NoiseConditional)
            throw new ArgumentException($"A noise-conditional model is trained by {nameof(ScoreMethod.NoiseConditional)}, not {options.Method}.", nameof(options));
        CheckLevels(options.NoiseLevels);
        IScoreModel[] models = options.NoiseLevels.Select(s => modelAtNoise(s) ?? throw new ArgumentException($"The model at σ = {s} is null.", nameof(modelAtNoise))).ToArray();
        foreach (IScoreModel m in models)
            if (!m.Layout.Equals(models[0].Layout))
                throw new ArgumentException($"The models at the noise levels differ in layout: {m.Layout.Description.Name} {ModelSizes(m.Layout)} vs {ModelSizes(models[0].Layout)}.", nameof(modelAtNoise));
        return Run(models, data, options);
    }

    private static ScoreTrainingResult Run(IScoreModel[] levelModels, Dataset data, ScoreTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        Check(options);
        IScoreModel first = levelModels[0];
        ScoreMatchingLosses.Rows(first, ReadOnlyMemory<float>.Empty);   // one continuous group, or a clear error
        ModelLayout layout = first.Layout;
        int columns = layout.States[0].Size;
        if (data.Columns != columns)
            throw new ArgumentException($"The data rows have {data.Columns} values but the state group '{layout.States[0].Name}' of '{layout.Description.Name}' has {columns} units.", nameof(data));
        if (data.Rows == 0)
            throw new ArgumentException("The data has no rows.", nameof(data));

        IReadOnlyList<float> sigmas = options.Method switch
        {
            ScoreMethod.NoiseConditional => options.NoiseLevels,
            ScoreMethod.Denoising => [options.Sigma],
            _ => [1f],
        };
        // λ(σ) = σ² makes every level's loss O(1) (Song & Ermon 2019), so no level dominates the gradient.
        float[] lambdas = options.Method == ScoreMethod.NoiseConditional ? sigmas.Select(s => s * s).ToArray() : [1f];
        var theta = new float[layout.ParameterCount];
        first.CopyParameters(theta);
        var next = new float[theta.Length];
        var gradient = new float[theta.Length];
        var optimizer = new OptimizerState(layout, options.OptimizerSettings);
        ulong noiseSeed = TrainingSeeds.For(options.Seed, TrainingSeeds.ScoreNoise);
        ulong levelSeed = TrainingSeeds.For(options.Seed, TrainingSeeds.ScoreLevel);
        int batches = (data.Rows + options.BatchSize - 1) / options.BatchSize;
        long totalUpdates = (long)batches * options.Epochs;
        ReadOnlySpan<float> values = data.Values.Span;
        var batch = new float[Math.Min(options.BatchSize, data.Rows) * columns];
        var grouped = new float[batch.Length];
        var levelOf = new int[Math.Min(options.BatchSize, data.Rows)];
        var partials = new List<float[]>();
        var history = new List<ScoreEpochRecord>();
        IScoreModel[] bound = new IScoreModel[levelModels.Length];

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            int[] order = Shuffling.Permutation(data.Rows, options.Seed, epoch);
            var clock = Stopwatch.StartNew();
            double rate = 0, lossTotal = 0, normTotal = 0;
            for (int b = 0; b < batches; b++)
            {
                long update = (long)epoch * batches + b;
                int start = b * options.BatchSize, rows = Math.Min(options.BatchSize, data.Rows - start);
                for (int r = 0; r < rows; r++)
                    values.Slice(order[start + r] * columns, columns).CopyTo(batch.AsSpan(r * columns, columns));
                for (int l = 0; l < levelModels.Length; l++)
                    bound[l] = Bind(levelModels[l], theta);

                List<Chunk> chunks = Chunks(options.Method == ScoreMethod.NoiseConditional, batch, grouped, levelOf, rows, columns, sigmas.Count, levelSeed, update, out float[] states);
                while (partials.Count < chunks.Count)
                    partials.Add(new float[theta.Length]);
                var losses = new double[chunks.Count];
                Parallelism.For(0, chunks.Count, options.MaxDegreeOfParallelism, k =>
                {
                    Chunk c = chunks[k];
                    float[] partial = partials[k];
                    Array.Clear(partial);
                    var rowsOf = new ReadOnlyMemory<float>(states, c.First * columns, c.Count * columns);
                    float weight = lambdas[c.Level] / rows;
                    double sum = options.Method switch
                    {
                        ScoreMethod.Exact => ScoreMatchingLosses.ExactSum(bound[c.Level], rowsOf, weight, partial),
                        ScoreMethod.Sliced => ScoreMatchingLosses.SlicedSum(bound[c.Level], rowsOf, noiseSeed, (ulong)update, (uint)c.First, weight, partial),
                        _ => ScoreMatchingLosses.DenoisingSum(bound[c.Level], rowsOf, sigmas[c.Level], noiseSeed, (ulong)update, (uint)c.First, weight, partial),
                    };
                    losses[k] = sum * lambdas[c.Level];
                });
                Array.Clear(gradient);
                double loss = 0;
                for (int k = 0; k < chunks.Count; k++)
                {
                    TensorPrimitives.Add(gradient, partials[k], gradient);
                    loss += losses[k];
                }
                loss /= rows;

                if (!Divergence.AllFinite(gradient))
                    Divergence.Throw(gradient, layout, epoch, b, "gradient", theta, null);
                if (!double.IsFinite(loss))
                    throw new TrainingDivergedException("the loss is not finite (NaN or ∞); lower the learning rate or clip the gradient",
                                                        epoch + 1, b + 1, "loss", (float[])theta.Clone());
                double norm = Divergence.ClipNorm(gradient, options.MaxGradientNorm);
                rate = options.LearningRate * options.Schedule.Multiplier(epoch, update, totalUpdates);
                optimizer.Step(theta, gradient, (float)rate, next);
                if (!Divergence.AllFinite(next))
                    Divergence.Throw(next, layout, epoch, b, "parameter", theta, null);
                (theta, next) = (next, theta);
                lossTotal += loss * rows;
                normTotal += norm;
            }
            double seconds = clock.Elapsed.TotalSeconds;
            var record = new ScoreEpochRecord(epoch + 1, rate, lossTotal / data.Rows, normTotal / batches, seconds, batches / seconds, data.Rows / seconds);
            history.Add(record);
            options.OnEpoch?.Invoke(record);
        }
        float[] result = (float[])theta.Clone();
        IScoreModel model = levelModels[^1].WithParameters(result) as IScoreModel
            ?? throw new InvalidOperationException($"'{layout.Description.Name}'.WithParameters returned a model without second derivatives.");
        return new ScoreTrainingResult(result, model, history);
    }

    /// <summary>A run of rows of one level, <see cref="ChunkRows"/> at most, whose noise comes from streams First … First + Count − 1.</summary>
    private readonly record struct Chunk(int Level, int First, int Count);

    /// <summary>
    /// Cuts the batch into chunks of one level each. Under NCSN, row r's level is uniform from RandomStream(level seed,
    /// r, update) and the rows are regrouped by level (stably), so each level's rows are contiguous; row i of the
    /// regrouped batch then draws its noise from stream i.
    /// </summary>
    private static List<Chunk> Chunks(bool perRowLevels, float[] batch, float[] grouped, int[] levelOf, int rows, int columns, int levels,
                                      ulong levelSeed, long update, out float[] states)
    {
        var chunks = new List<Chunk>();
        void Cut(int level, int first, int count)
        {
            for (int at = first; at < first + count; at += ChunkRows)
                chunks.Add(new Chunk(level, at, Math.Min(ChunkRows, first + count - at)));
        }
        if (!perRowLevels || levels == 1)
        {
            Cut(0, 0, rows);
            states = batch;
            return chunks;
        }
        var counts = new int[levels];
        for (int r = 0; r < rows; r++)
        {
            uint bits = new RandomStream(levelSeed, (uint)r, (ulong)update).Bits(0);
            levelOf[r] = (int)((ulong)bits * (ulong)levels >> 32);
            counts[levelOf[r]]++;
        }
        var starts = new int[levels];
        for (int l = 1; l < levels; l++)
            starts[l] = starts[l - 1] + counts[l - 1];
        var fill = (int[])starts.Clone();
        for (int r = 0; r < rows; r++)
            batch.AsSpan(r * columns, columns).CopyTo(grouped.AsSpan(fill[levelOf[r]]++ * columns, columns));
        for (int l = 0; l < levels; l++)
            if (counts[l] > 0)
                Cut(l, starts[l], counts[l]);
        states = grouped;
        return chunks;
    }

    // The model of an update reads θ's array itself where it can (IRebindableModel): the optimiser writes the other of
    // the two arrays it alternates between, so no array a live model reads ever changes.
    private static IScoreModel Bind(IScoreModel model, float[] theta) =>
        (model is IRebindableModel rebindable ? rebindable.Rebind(theta) : model.WithParameters(theta)) as IScoreModel
        ?? throw new InvalidOperationException($"'{model.Layout.Description.Name}' bound to new parameters is not an {nameof(IScoreModel)}.");

    private static void Check(ScoreTrainingOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Epochs, 1, nameof(o.Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.BatchSize, 1, nameof(o.BatchSize));
        if (!(o.LearningRate > 0) || !float.IsFinite(o.LearningRate))
            throw new ArgumentOutOfRangeException(nameof(o.LearningRate), o.LearningRate, "The learning rate must be positive and finite.");
        if (!Enum.IsDefined(o.Method))
            throw new ArgumentOutOfRangeException(nameof(o.Method), o.Method, "Not a score-matching method.");
        if (o.Method == ScoreMethod.Denoising)
            ScoreMatchingLosses.CheckSigma(o.Sigma);
        if (o.Method == ScoreMethod.NoiseConditional)
            CheckLevels(o.NoiseLevels);
        if (!(o.MaxGradientNorm > 0))
            throw new ArgumentOutOfRangeException(nameof(o.MaxGradientNorm), o.MaxGradientNorm, "The largest gradient norm must be positive (+∞ for no clipping).");
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MaxDegreeOfParallelism, 1, nameof(o.MaxDegreeOfParallelism));
        o.OptimizerSettings.Checked();
    }

    private static void CheckLevels(IReadOnlyList<float> levels)
    {
        if (levels is null || levels.Count == 0)
            throw new ArgumentException("NCSN needs at least one noise level.", nameof(levels));
        foreach (float s in levels)
            ScoreMatchingLosses.CheckSigma(s);
    }

    private static string ModelSizes(ModelLayout layout) =>
        "{" + string.Join(", ", layout.Description.Sizes.Select((n, i) => $"{n}: {layout.Sizes[i]}")) + "}";
}
