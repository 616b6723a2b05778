using Ebm.Rng;

namespace Ebm.Sampling;

/// <summary>
/// Ancestral sampling of the reverse diffusion (Ho, Jain &amp; Abbeel 2020, Algorithm 2, with Σ_t = β_t) driven by a
/// score: from x_T, for t = T … 1, x_{t−1} = (x_t + β_t·s_t(x_t))/√(1 − β_t) + √β_t·z, with z = 0 at t = 1, where
/// β_t is linear from β₁ to β_T, ᾱ_t = Π_{s≤t}(1 − β_s), and s_t is the score of Ho et al.'s marginal at step t
/// (their ε-prediction written as a score, ε_θ = −√(1 − ᾱ_t)·s_t). How s_t comes from the model is
/// <see cref="DiffusionOptions.Parameterization"/> (specs/score-matching.md §2).
/// </summary>
/// <remarks>
/// Ho et al.'s forward process shrinks the data, x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε. A model trained by (multi-noise)
/// denoising score matching knows the score of the data plus N(0, σ²I) unshrunk, so by default
/// (<see cref="NoiseParameterization.VarianceExploding"/>) it is asked at x_t/√ᾱ_t and σ′_t = √((1 − ᾱ_t)/ᾱ_t) and its
/// score divided by √ᾱ_t — the exact change of variables. <see cref="NoiseParameterization.VariancePreserving"/> asks
/// at x_t and σ_t = √(1 − ᾱ_t), for a model of Ho et al.'s marginal itself, or a single-σ model whose score is to be
/// used as given. Chains are cut into chunks of fixed size, each one model call, and chain c's noise at reverse step k
/// comes from RandomStream(seed, c, FirstStep + k), so the samples do not depend on the thread count.
/// </remarks>
public static class DiffusionSampler
{
    private const int ChunkSize = 256;

    /// <summary>
    /// Samples with the score −∇ₓE of <paramref name="modelAtNoise"/>(σ) at every step: a noise-conditional model built
    /// at σ (e.g. <c>NoiseConditionalMlp</c> with σ as its <c>[Const]</c>), or <c>_ =&gt; model</c> for a single-σ model
    /// (with <see cref="NoiseParameterization.VariancePreserving"/> to use its score as given).
    /// </summary>
    /// <param name="modelAtNoise">The model at a noise level; called once per step, with one continuous state group.</param>
    /// <param name="initial">x_T: [chains × dimension], row-major; Ho et al. draw it from N(0, I).</param>
    /// <param name="options">T, the β schedule, seed and threads.</param>
    /// <returns>The samples and the levels the score was asked at.</returns>
    /// <exception cref="ArgumentException">A model has another layout than one continuous group, the initial states are not whole finite rows, or an option is out of range.</exception>
    /// <exception cref="LangevinDivergenceException">A step produced a NaN or infinite state.</exception>
    public static DiffusionResult Sample(Func<float, IEnergyModel> modelAtNoise, ReadOnlyMemory<float> initial, DiffusionOptions options)
    {
        ArgumentNullException.ThrowIfNull(modelAtNoise);
        ArgumentNullException.ThrowIfNull(options);
        int? dimension = null;
        return Run(sigma =>
        {
            IEnergyModel model = modelAtNoise(sigma) ?? throw new ArgumentException($"The model at σ = {sigma} is null.", nameof(modelAtNoise));
            ModelLayout layout = model.Layout;
            if (layout.States.Count != 1 || layout.ContinuousStates.Count != 1)
                throw new ArgumentException($"The diffusion sampler moves one continuous state group; '{layout.Description.Name}' has {layout.States.Count} groups.", nameof(modelAtNoise));
            if (dimension is { } d && layout.States[0].Size != d)
                throw new ArgumentException($"The model at σ = {sigma} has {layout.States[0].Size} units, unlike the first step's {d}.", nameof(modelAtNoise));
            dimension = layout.States[0].Size;
            return new ModelGradientField(model);
        }, () => dimension!.Value, initial, options);
    }

    /// <summary>Samples with a score s(x, σ) given as a function (e.g. an exact score, or a network outside the DSL).</summary>
    /// <param name="score">Called as score(σ, x, s) on chunks of chains (σ and x as <see cref="DiffusionOptions.Parameterization"/>
    /// says): write the score of each row of x into s.
    /// It may be called from several threads at once, on disjoint chunks.</param>
    /// <param name="dimension">Units per chain.</param>
    /// <param name="initial">x_T: [chains × dimension], row-major.</param>
    /// <param name="options">T, the β schedule, seed and threads.</param>
    /// <returns>The samples and the levels the score was asked at.</returns>
    /// <exception cref="ArgumentException">The initial states are not whole finite rows, or an option is out of range.</exception>
    /// <exception cref="LangevinDivergenceException">A step produced a NaN or infinite state.</exception>
    public static DiffusionResult SampleScore(Action<float, ReadOnlyMemory<float>, Memory<float>> score, int dimension,
                                              ReadOnlyMemory<float> initial, DiffusionOptions options)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return Run(sigma => new ScoreGradientField(score, sigma), () => dimension, initial, options);
    }

    /// <summary>The β_t of the schedule, t = 1 … T: linear from β₁ to β_T, in double and rounded once.</summary>
    /// <param name="options">The options.</param>
    /// <returns>T values, β₁ first.</returns>
    public static IReadOnlyList<double> Betas(DiffusionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        var betas = new double[options.Steps];
        for (int t = 0; t < options.Steps; t++)
            betas[t] = options.Steps == 1 ? options.BetaStart
                : options.BetaStart + ((double)options.BetaEnd - options.BetaStart) * t / (options.Steps - 1);
        return Array.AsReadOnly(betas);
    }

    private static DiffusionResult Run(Func<float, GradientField> fieldAt, Func<int> dimensionOf, ReadOnlyMemory<float> initial, DiffusionOptions options)
    {
        IReadOnlyList<double> betas = Betas(options);
        int T = options.Steps;
        var alphaBar = new double[T];
        double product = 1;
        for (int t = 0; t < T; t++)
            alphaBar[t] = product *= 1 - betas[t];
        bool exploding = options.Parameterization == NoiseParameterization.VarianceExploding;
        var levels = new float[T];
        for (int k = 0; k < T; k++)
        {
            double a = alphaBar[T - 1 - k];
            levels[k] = (float)(exploding ? Math.Sqrt((1 - a) / a) : Math.Sqrt(1 - a));
        }

        // The first step's field fixes the dimension, before the states are checked against it.
        GradientField first = fieldAt(levels[0]);
        int d = dimensionOf();
        if (initial.Length == 0 || initial.Length % d != 0)
            throw new ArgumentException($"The initial states hold {initial.Length} values, not a positive number of rows of {d}.", nameof(initial));
        int chains = initial.Length / d;
        var x = initial.ToArray();
        var y = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
            if (!float.IsFinite(x[i]))
                throw new ArgumentException($"Initial state holds a NaN or infinite value at chain {i / d}.", nameof(initial));
        var gradient = new float[x.Length];
        float[] scaled = exploding ? new float[x.Length] : x;
        var energies = new float[chains];
        int chunks = (chains + ChunkSize - 1) / ChunkSize;
        var bad = new int[chunks];
        for (int k = 0; k < T; k++)
        {
            GradientField field = k == 0 ? first : fieldAt(levels[k]);
            int t = T - 1 - k;   // β index of step t + 1
            float beta = (float)betas[t];
            float shrink = (float)(1 / Math.Sqrt(1 - betas[t]));
            float noise = t == 0 ? 0f : (float)Math.Sqrt(betas[t]);
            // The variance-exploding model sees x/√ᾱ_t, and its gradient is divided by √ᾱ_t (the chain rule).
            float inputScale = exploding ? (float)(1 / Math.Sqrt(alphaBar[t])) : 1f;
            ulong step = (ulong)(options.FirstStep + k);
            float[] from = x, to = y, input = exploding ? scaled : x;
            Parallelism.For(0, chunks, options.MaxDegreeOfParallelism, c =>
            {
                int firstChain = c * ChunkSize, count = Math.Min(ChunkSize, chains - firstChain);
                int at = firstChain * d, length = count * d;
                if (exploding)
                    for (int i = at; i < at + length; i++)
                        input[i] = from[i] * inputScale;
                field.Evaluate([new ReadOnlyMemory<float>(input, at, length)], [new Memory<float>(gradient, at, length)], energies.AsSpan(firstChain, count));
                Span<float> z = length <= 4096 ? stackalloc float[length] : new float[length];
                if (noise != 0)
                    RandomStreams.FillNormal(options.Seed, (uint)firstChain, step, d, z);
                else
                    z.Clear();
                bad[c] = -1;
                for (int i = 0; i < length; i++)
                {
                    // s_t = −∇E·inputScale: x_{t−1} = (x_t + β_t·s_t)/√(1 − β_t) + √β_t·z.
                    float v = (from[at + i] - beta * inputScale * gradient[at + i]) * shrink + noise * z[i];
                    to[at + i] = v;
                    if (!float.IsFinite(v) && bad[c] < 0)
                        bad[c] = firstChain + i / d;
                }
            });
            foreach (int chain in bad)
                if (chain >= 0)
                    throw new LangevinDivergenceException(k + 1, chain, [(float[])from.Clone()]);
            (x, y) = (y, x);
        }
        return new DiffusionResult(x, Array.AsReadOnly(levels), (long)chains * T);
    }

    private static void Check(DiffusionOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Steps, 1, nameof(o.Steps));
        if (!(o.BetaStart > 0 && o.BetaStart <= o.BetaEnd && o.BetaEnd < 1))
            throw new ArgumentOutOfRangeException(nameof(o.BetaStart), $"The β schedule needs 0 < BetaStart ≤ BetaEnd < 1; got {o.BetaStart} and {o.BetaEnd}.");
        ArgumentOutOfRangeException.ThrowIfNegative(o.FirstStep, nameof(o.FirstStep));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MaxDegreeOfParallelism, 1, nameof(o.MaxDegreeOfParallelism));
    }
}
