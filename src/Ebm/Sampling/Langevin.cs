namespace Ebm.Sampling;

/// <summary>
/// Langevin samplers for the continuous states of any <see cref="IEnergyModel"/>, batched over chains:
/// unadjusted (<see cref="Ula"/>), Metropolis-adjusted (<see cref="Mala"/>) and annealed over noise levels
/// (<see cref="Annealed"/>, <see cref="AnnealedScore"/>). One convention throughout (specs/samplers.md):
/// x ← x − α∇ₓE(x) + √(2α)·z, z ~ N(0, I), which leaves p ∝ e^{−E} invariant as α → 0.
/// </summary>
/// <remarks>
/// States are one row-major [chains × size] batch per continuous group, as in the contract. Inputs are copied;
/// results are new arrays. Chain c's noise at move t is drawn from <c>RandomStream(seed, c, firstStep + t)</c>,
/// so the samples are identical for any number of threads.
/// </remarks>
public static class Langevin
{
    /// <summary>
    /// The unadjusted Langevin algorithm: <c>Steps</c> moves x ← x − α∇ₓE + √(2α)·z of every chain. Its stationary
    /// law is biased by O(α) (for E = ½xᵀPx the covariance is (P(I − αP/2))⁻¹ instead of P⁻¹); use
    /// <see cref="Mala"/> when that matters.
    /// </summary>
    /// <param name="model">A model whose state groups are all continuous.</param>
    /// <param name="initial">The chains' starting states: one [chains × size] batch per group (persistent chains: a previous result's States).</param>
    /// <param name="options">Step, number of moves, seed and optional clipping, bounds, thinning, threads.</param>
    /// <returns>The final states, recorded samples, acceptance (all moves) and gradient evaluations.</returns>
    /// <exception cref="ArgumentException">The model has a binary group, or the initial states do not fit its layout or are not finite.</exception>
    /// <exception cref="LangevinDivergenceException">A move produced a NaN or infinite state.</exception>
    public static LangevinResult Ula(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = new LangevinEngine(ContinuousSizes(model), Require(initial), Settings(options), nameof(initial));
        CheckStep(options.StepSize, options.Steps);
        engine.Unadjusted(new ModelGradientField(model), options.StepSize, options.Steps);
        return engine.Result(Everything(engine.Chains, options.Steps), options.Steps);
    }

    /// <summary>
    /// The Metropolis-adjusted Langevin algorithm: each move proposes y = x − α∇ₓE(x) + √(2α)·z and accepts it with
    /// probability min(1, a), log a = −E(y) + E(x) − (‖x − y + α∇E(y)‖² − ‖y − x + α∇E(x)‖²)/(4α), computed in
    /// double; the chains then leave p ∝ e^{−E} (restricted to the bounds, if given) exactly invariant.
    /// </summary>
    /// <param name="model">A model whose state groups are all continuous.</param>
    /// <param name="initial">The chains' starting states: one [chains × size] batch per group; finite, finite energy.</param>
    /// <param name="options">As for <see cref="Ula"/>; a proposal outside the bounds is rejected rather than clamped, and
    /// a clipped drift enters both proposal densities, so the target stays exact.</param>
    /// <returns>The final states, recorded samples, accepted moves per chain and the overall acceptance rate.</returns>
    /// <exception cref="ArgumentException">The model has a binary group, or the initial states do not fit, are not finite or have a non-finite energy.</exception>
    /// <exception cref="LangevinDivergenceException">A proposal inside the bounds has a NaN or infinite state, gradient or energy.</exception>
    public static LangevinResult Mala(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = new LangevinEngine(ContinuousSizes(model), Require(initial), Settings(options), nameof(initial));
        CheckStep(options.StepSize, options.Steps);
        var accepted = new long[engine.Chains];
        engine.Adjusted(new ModelGradientField(model), options.StepSize, options.Steps, accepted);
        return engine.Result(Array.AsReadOnly(accepted), options.Steps);
    }

    /// <summary>
    /// Annealed Langevin dynamics (Song &amp; Ermon 2019) on energy models of the noised data, one per level: for
    /// σᵢ in <c>NoiseLevels</c>, T unadjusted moves with αᵢ = ε·σᵢ²/σ_L² on <c>modelAtNoise(σᵢ)</c>.
    /// </summary>
    /// <param name="modelAtNoise">The model at a noise level, called once per level: e.g. a model with a <c>[Const]</c> σ
    /// rebuilt with σᵢ, or a noise-conditional model. Every level's model must have the same continuous layout.</param>
    /// <param name="initial">The chains' starting states: one [chains × size] batch per continuous group.</param>
    /// <param name="options">The noise levels, ε, T, seed and optional clipping, bounds, thinning, threads.</param>
    /// <returns>The final states, recorded samples and gradient evaluations (L·T per chain).</returns>
    /// <exception cref="ArgumentException">The levels are not strictly decreasing and positive, a level's model has another
    /// layout or a binary group, or the initial states do not fit.</exception>
    /// <exception cref="LangevinDivergenceException">A move produced a NaN or infinite state.</exception>
    public static LangevinResult Annealed(Func<float, IEnergyModel> modelAtNoise, IReadOnlyList<ReadOnlyMemory<float>> initial, AnnealedLangevinOptions options)
    {
        ArgumentNullException.ThrowIfNull(modelAtNoise);
        ArgumentNullException.ThrowIfNull(options);
        CheckLevels(options);
        IReadOnlyList<float> levels = options.NoiseLevels;
        IEnergyModel first = modelAtNoise(levels[0]);
        int[] sizes = ContinuousSizes(first);
        var engine = new LangevinEngine(sizes, Require(initial), Settings(options), nameof(initial));
        for (int i = 0; i < levels.Count; i++)
        {
            IEnergyModel model = i == 0 ? first : modelAtNoise(levels[i]);
            if (!ContinuousSizes(model).SequenceEqual(sizes))
                throw new ArgumentException($"The model at noise level {levels[i]} has continuous groups of sizes ({string.Join(", ", ContinuousSizes(model))}), " +
                                            $"unlike the first level's ({string.Join(", ", sizes)}).", nameof(modelAtNoise));
            engine.Unadjusted(new ModelGradientField(model), LevelStep(options, i), options.StepsPerLevel);
        }
        long moves = (long)levels.Count * options.StepsPerLevel;
        return engine.Result(Everything(engine.Chains, moves), moves);
    }

    /// <summary>
    /// Annealed Langevin dynamics on a score s(x, σ) ≈ ∇ₓ log p_σ(x) given as a function — e.g. a noise-conditional
    /// network, or an exact score — over one continuous vector of <paramref name="dimension"/> units per chain.
    /// Each move is x ← x + αᵢ·s(x, σᵢ) + √(2αᵢ)·z with αᵢ = ε·σᵢ²/σ_L².
    /// </summary>
    /// <param name="score">Called as score(σ, x, s) on chunks of chains: x is [rows × dimension], row-major; write the
    /// score of each row into s, laid out like x. It may be called from several threads at once, on disjoint chunks.</param>
    /// <param name="dimension">Units per chain.</param>
    /// <param name="initial">The chains' starting states, [chains × dimension] row-major.</param>
    /// <param name="options">The noise levels, ε, T, seed and optional clipping, bounds, thinning, threads.</param>
    /// <returns>The final states (one entry), recorded samples and score evaluations (L·T per chain).</returns>
    /// <exception cref="ArgumentException">The levels are not strictly decreasing and positive, or the initial states do not fit.</exception>
    /// <exception cref="LangevinDivergenceException">A move produced a NaN or infinite state.</exception>
    public static LangevinResult AnnealedScore(Action<float, ReadOnlyMemory<float>, Memory<float>> score, int dimension,
        ReadOnlyMemory<float> initial, AnnealedLangevinOptions options)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        CheckLevels(options);
        var engine = new LangevinEngine([dimension], [initial], Settings(options), nameof(initial));
        for (int i = 0; i < options.NoiseLevels.Count; i++)
            engine.Unadjusted(new ScoreGradientField(score, options.NoiseLevels[i]), LevelStep(options, i), options.StepsPerLevel);
        long moves = (long)options.NoiseLevels.Count * options.StepsPerLevel;
        return engine.Result(Everything(engine.Chains, moves), moves);
    }

    /// <summary>αᵢ = ε·σᵢ²/σ_L², in double and rounded once.</summary>
    private static float LevelStep(AnnealedLangevinOptions options, int level)
    {
        double sigma = options.NoiseLevels[level], last = options.NoiseLevels[^1];
        return (float)(options.Epsilon * sigma * sigma / (last * last));
    }

    private static int[] ContinuousSizes(IEnergyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        StateLayout? binary = model.Layout.States.FirstOrDefault(s => s.Kind != StateKind.Continuous);
        if (binary is not null)
            throw new ArgumentException(
                $"{model.Layout.Description.Name} has the binary group '{binary.Name}': Langevin dynamics moves continuous states only; sample binary groups by Gibbs sampling.",
                nameof(model));
        return model.Layout.ContinuousStates.Select(s => s.Size).ToArray();
    }

    private static IReadOnlyList<ReadOnlyMemory<float>> Require(IReadOnlyList<ReadOnlyMemory<float>> initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        return initial;
    }

    private static void CheckStep(float stepSize, int steps)
    {
        if (!(stepSize > 0 && float.IsFinite(stepSize)))
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "The step size α must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
    }

    private static void CheckLevels(AnnealedLangevinOptions options)
    {
        IReadOnlyList<float> levels = options.NoiseLevels ?? throw new ArgumentException("NoiseLevels is null.", nameof(options));
        if (levels.Count == 0)
            throw new ArgumentException("The noise schedule is empty.", nameof(options));
        for (int i = 0; i < levels.Count; i++)
            if (!(levels[i] > 0 && float.IsFinite(levels[i])) || (i > 0 && !(levels[i] < levels[i - 1])))
                throw new ArgumentException($"Noise levels must be positive, finite and strictly decreasing; level {i} is {levels[i]}.", nameof(options));
        if (!(options.Epsilon > 0 && float.IsFinite(options.Epsilon)))
            throw new ArgumentOutOfRangeException(nameof(options), options.Epsilon, "ε must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StepsPerLevel, 1);
    }

    private static IReadOnlyList<long> Everything(int chains, long moves) => Array.AsReadOnly(Enumerable.Repeat(moves, chains).ToArray());

    private static LangevinSettings Settings(LangevinOptions o) =>
        Check(new LangevinSettings(o.Seed, o.FirstStep, o.MaxDriftNorm, o.LowerBound, o.UpperBound, o.RecordEvery, o.MaxDegreeOfParallelism));

    private static LangevinSettings Settings(AnnealedLangevinOptions o) =>
        Check(new LangevinSettings(o.Seed, o.FirstStep, o.MaxDriftNorm, o.LowerBound, o.UpperBound, o.RecordEvery, o.MaxDegreeOfParallelism));

    private static LangevinSettings Check(LangevinSettings s)
    {
        if (s.FirstStep < 0)
            throw new ArgumentOutOfRangeException("options", s.FirstStep, "FirstStep must not be negative.");
        if (!(s.MaxDriftNorm > 0))
            throw new ArgumentOutOfRangeException("options", s.MaxDriftNorm, "MaxDriftNorm must be positive (+∞ for no clipping).");
        if (!(s.LowerBound <= s.UpperBound))
            throw new ArgumentOutOfRangeException("options", $"The bounds must satisfy LowerBound ≤ UpperBound; got [{s.LowerBound}, {s.UpperBound}].");
        if (s.RecordEvery < 0)
            throw new ArgumentOutOfRangeException("options", s.RecordEvery, "RecordEvery must be 0 (no recording) or positive.");
        if (s.MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException("options", s.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
        return s;
    }
}
