using Ebm.Data;
using Ebm.Statistics;

namespace Ebm.Contrastive;

/// <summary>
/// The 2-D manifold workflow in one call: contrastive training of an energy over points in the plane (a toy set of
/// <see cref="Toy2D"/>), samples of the trained energy by Langevin from fresh noise, their histogram and their MMD to
/// the data (specs/contrastive.md).
/// </summary>
public static class Manifold2D
{
    /// <summary>Trains, samples and compares with <see cref="ManifoldSampling.Default"/>.</summary>
    /// <param name="model">A model whose one state group is continuous with two units (e.g. MlpEnergy with x = 2).</param>
    /// <param name="data">Points, two values per row.</param>
    /// <param name="options">The training; its noise box is also the sampling box and the histogram's extent.</param>
    /// <returns>The training result, the samples, their histogram and MMD².</returns>
    /// <exception cref="ArgumentException">The model or data are not two-dimensional.</exception>
    /// <exception cref="Training.TrainingDivergedException">Training diverged.</exception>
    public static Manifold2DResult Fit(IEnergyModel model, Dataset data, ContrastiveOptions options) =>
        Fit(model, data, options, ManifoldSampling.Default);

    /// <summary>Trains, samples and compares as <paramref name="sampling"/> says.</summary>
    /// <inheritdoc cref="Fit(IEnergyModel, Dataset, ContrastiveOptions)"/>
    /// <param name="model">A model whose one state group is continuous with two units.</param>
    /// <param name="data">Points, two values per row.</param>
    /// <param name="options">The training.</param>
    /// <param name="sampling">Chains, moves, cells and MMD rows.</param>
    public static Manifold2DResult Fit(IEnergyModel model, Dataset data, ContrastiveOptions options, ManifoldSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sampling);
        if (ContrastiveTrainer.Units(model) != 2 || data.Columns != 2)
            throw new ArgumentException($"The 2-D workflow needs a model of two units and points of two values, not {ContrastiveTrainer.Units(model)} and {data.Columns}.", nameof(model));
        ArgumentOutOfRangeException.ThrowIfLessThan(sampling.Chains, 2, nameof(sampling));
        ArgumentOutOfRangeException.ThrowIfLessThan(sampling.Steps, 1, nameof(sampling));
        ArgumentOutOfRangeException.ThrowIfLessThan(sampling.Bins, 1, nameof(sampling));
        ArgumentOutOfRangeException.ThrowIfLessThan(sampling.MmdRows, 2, nameof(sampling));

        ContrastiveResult trained = ContrastiveTrainer.Train(model, data, options);
        float[] samples = Sample(trained.Model, options, sampling.Chains, sampling.Steps);
        var histogram = Histogram2D.Count(samples, options.InitLower, options.InitUpper, sampling.Bins, options.InitLower, options.InitUpper, sampling.Bins);
        int rows = Math.Min(Math.Min(sampling.MmdRows, data.Rows), sampling.Chains);
        ReadOnlySpan<float> reference = data.Values.Span[..(2 * rows)];
        double bandwidth = MedianDistance(reference);
        double mmd = rows < 2 ? double.NaN : MaximumMeanDiscrepancy.UnbiasedSquared(reference, samples.AsSpan(0, 2 * rows), 2, bandwidth);
        return new Manifold2DResult(trained, samples, histogram, mmd, bandwidth);
    }

    /// <summary>
    /// Samples of <paramref name="model"/>: <paramref name="chains"/> chains from fresh uniform noise on the options' box,
    /// <paramref name="steps"/> moves of the training's short-run rule (step size, noise scale, clamp) each; chain j's
    /// start and moves are keyed by (seed, j) under purposes of their own, so they are no training chain's.
    /// </summary>
    /// <param name="model">A model with one continuous state group.</param>
    /// <param name="options">The box, step size, noise scale, clamp, seed and threads.</param>
    /// <param name="chains">Chains, ≥ 1.</param>
    /// <param name="steps">Moves per chain, ≥ 1.</param>
    /// <returns>[chains × units] row-major.</returns>
    /// <exception cref="ArgumentException">The model has another state group.</exception>
    public static float[] Sample(IEnergyModel model, ContrastiveOptions options, int chains, int steps)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(chains, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        int units = ContrastiveTrainer.Units(model);
        var states = new float[chains * units];
        ulong startSeed = ContrastiveSeeds.For(options.Seed, ContrastiveSeeds.SampleStart);
        for (int j = 0; j < chains; j++)
        {
            new Rng.RandomStream(startSeed, (uint)j, 0).FillUniform(states.AsSpan(j * units, units));
            for (int i = j * units; i < (j + 1) * units; i++)
                states[i] = options.InitLower + (options.InitUpper - options.InitLower) * states[i];
        }
        return Continue(model, states, options, steps);
    }

    /// <summary>
    /// Moves copies of <paramref name="initial"/> (e.g. rows of a trained buffer) by <paramref name="steps"/> moves of the
    /// training's short-run rule; chain j's move t is keyed by (seed, j, t) under the sampling purpose.
    /// </summary>
    /// <param name="model">A model with one continuous state group.</param>
    /// <param name="initial">[chains × units] row-major, finite.</param>
    /// <param name="options">The step size, noise scale, clamp, seed and threads.</param>
    /// <param name="steps">Moves per chain, ≥ 1.</param>
    /// <returns>The moved chains, a new array.</returns>
    /// <exception cref="ArgumentException">The model has another state group, or the rows do not fit it.</exception>
    /// <exception cref="InvalidOperationException">A chain became NaN or infinite.</exception>
    public static float[] Continue(IEnergyModel model, ReadOnlySpan<float> initial, ContrastiveOptions options, int steps)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        int units = ContrastiveTrainer.Units(model);
        if (initial.Length == 0 || initial.Length % units != 0)
            throw new ArgumentException($"The initial states hold {initial.Length} values, not whole rows of {units}.", nameof(initial));
        float[] states = initial.ToArray();
        int chains = states.Length / units;
        int bad = ShortRunLangevin.Run(model, states, chains, units, ContrastiveSeeds.For(options.Seed, ContrastiveSeeds.SampleMoves), 0, steps,
            options.StepSize, options.NoiseScale, options.ClampLower, options.ClampUpper, options.MaxDegreeOfParallelism);
        if (bad >= 0)
            throw new InvalidOperationException($"Sampling chain {bad} left the reals (NaN or ∞); lower the step size or clamp the states.");
        return states;
    }

    /// <summary>The share of the points nearest to each component's mean (Euclidean), in component order.</summary>
    /// <param name="points">[n × 2] row-major, n ≥ 1.</param>
    /// <param name="components">The mixture, e.g. <see cref="Toy2D.Mixture8Components"/>.</param>
    /// <returns>One share per component; they sum to 1.</returns>
    public static double[] NearestShares(ReadOnlySpan<float> points, IReadOnlyList<MixtureComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        int n = SampleStatistics.Rows(points, 2);
        if (n == 0 || components.Count == 0)
            throw new ArgumentException("Shares need at least one point and one component.", n == 0 ? nameof(points) : nameof(components));
        var counts = new double[components.Count];
        for (int r = 0; r < n; r++)
        {
            double x = points[2 * r], y = points[2 * r + 1], best = double.PositiveInfinity;
            int nearest = 0;
            for (int k = 0; k < components.Count; k++)
            {
                double d = (x - components[k].MeanX) * (x - components[k].MeanX) + (y - components[k].MeanY) * (y - components[k].MeanY);
                if (d < best)
                {
                    best = d;
                    nearest = k;
                }
            }
            counts[nearest]++;
        }
        return counts.Select(c => c / n).ToArray();
    }

    private static double MedianDistance(ReadOnlySpan<float> points)
    {
        int n = points.Length / 2;
        var distances = new List<double>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                distances.Add(Math.Sqrt(Square(points[2 * i] - points[2 * j]) + Square(points[2 * i + 1] - points[2 * j + 1])));
        if (distances.Count == 0)
            return 1;
        distances.Sort();
        return distances[distances.Count / 2];
    }

    private static double Square(double v) => v * v;
}
