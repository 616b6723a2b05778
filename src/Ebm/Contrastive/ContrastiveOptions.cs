using Ebm.Training;

namespace Ebm.Contrastive;

/// <summary>
/// What <see cref="ContrastiveTrainer.Train(IEnergyModel, Data.Dataset, ContrastiveOptions)"/> does. The four required
/// values are the ones every run chooses; the rest are init properties, each a plain number or switch so that a host can
/// fill them from command-line values (specs/contrastive.md lists them with their defaults).
/// </summary>
/// <param name="Epochs">Passes over the data, ≥ 1.</param>
/// <param name="BatchSize">Data rows per update, ≥ 1; the last batch of an epoch holds the rest.</param>
/// <param name="LearningRate">The base learning rate η, &gt; 0, scaled by <see cref="Schedule"/>.</param>
/// <param name="Seed">The seed of every random draw (shuffling, the buffer, restarts, Langevin noise).</param>
public sealed record ContrastiveOptions(int Epochs, int BatchSize, float LearningRate, ulong Seed)
{
    /// <summary>K: short-run Langevin moves per update, ≥ 1.</summary>
    public int LangevinSteps { get; init; } = 60;

    /// <summary>α: the drift of a move is −α∇ₓE, &gt; 0.</summary>
    public float StepSize { get; init; } = 0.01f;

    /// <summary>
    /// s: the noise of a move is √(2α)·s·z. 1 is Langevin dynamics of e^{−E}; short-run EBMs usually take s &lt; 1
    /// (sampling e^{−E/s²} in the limit), which the loss then learns around. ≥ 0.
    /// </summary>
    public float NoiseScale { get; init; } = 1f;

    /// <summary>Negative chains per update; 0 means <see cref="BatchSize"/>.</summary>
    public int Chains { get; init; }

    /// <summary>States kept in the replay buffer, ≥ 1 (ignored with <see cref="Persistent"/>).</summary>
    public int BufferSize { get; init; } = 10_000;

    /// <summary>The probability that a chain starts from fresh uniform noise on the box instead of a buffer state, in [0, 1].</summary>
    public float ReinitFraction { get; init; } = 0.05f;

    /// <summary>No buffer: <see cref="Chains"/> chains start from noise once and carry on across updates (persistent short-run chains).</summary>
    public bool Persistent { get; init; }

    /// <summary>The lower corner of the box fresh noise is drawn on, every unit alike; below <see cref="InitUpper"/>.</summary>
    public float InitLower { get; init; } = -1f;

    /// <summary>The upper corner of the box fresh noise is drawn on.</summary>
    public float InitUpper { get; init; } = 1f;

    /// <summary>States are clamped to [<see cref="ClampLower"/>, <see cref="ClampUpper"/>] after every move; −∞ (the default) for none.</summary>
    public float ClampLower { get; init; } = float.NegativeInfinity;

    /// <summary>The upper clamp; +∞ (the default) for none.</summary>
    public float ClampUpper { get; init; } = float.PositiveInfinity;

    /// <summary>α_reg of the energy-magnitude regulariser α_reg·(mean E(x⁺)² + mean E(x⁻)²) (Du &amp; Mordatch 2019), ≥ 0.</summary>
    public float RegularizationWeight { get; init; } = 0.01f;

    /// <summary>The loss gradient is scaled down to this Euclidean norm when longer (before weight decay and the optimiser); +∞ for none.</summary>
    public float ClipNorm { get; init; } = float.PositiveInfinity;

    /// <summary>The update rule; Adam by default, as in the short-run EBM papers.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>SGD momentum μ in [0, 1).</summary>
    public float Momentum { get; init; }

    /// <summary>L2 weight decay λ on the matrix parameters.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Adam's β₁.</summary>
    public float AdamBeta1 { get; init; } = 0.9f;

    /// <summary>Adam's β₂.</summary>
    public float AdamBeta2 { get; init; } = 0.999f;

    /// <summary>Adam's ε.</summary>
    public float AdamEpsilon { get; init; } = 1e-8f;

    /// <summary>The learning-rate schedule.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>Threads over chunks of rows; −1 for all. The trained values do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Called after each epoch with its record.</summary>
    public Action<ContrastiveEpochRecord>? OnEpoch { get; init; }

    /// <summary>
    /// The options that decide the trained values, as a JSON object with <c>"method": "contrastive"</c> (for
    /// <c>ModelFile.Save</c>'s training metadata). Threads and the callback are left out; an infinite clamp or clip is null.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string Describe() => ContrastiveDescription.Json(this);

    /// <summary>The negative chains of one update.</summary>
    internal int ChainsPerUpdate => Chains > 0 ? Chains : BatchSize;

    /// <summary>The optimiser's settings in the form <see cref="OptimizerState"/> reads, so both trainers share one step rule.</summary>
    internal OptimizerSettings OptimizerSettings => new(Optimizer, Momentum, WeightDecay, AdamBeta1, AdamBeta2, AdamEpsilon);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        Positive(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(LangevinSteps, 1, nameof(LangevinSteps));
        Positive(StepSize, nameof(StepSize));
        if (!(NoiseScale >= 0) || !float.IsFinite(NoiseScale))
            throw new ArgumentOutOfRangeException(nameof(NoiseScale), NoiseScale, "The noise scale must be finite and at least 0.");
        ArgumentOutOfRangeException.ThrowIfNegative(Chains, nameof(Chains));
        if (!Persistent)
            ArgumentOutOfRangeException.ThrowIfLessThan(BufferSize, 1, nameof(BufferSize));
        if (!(ReinitFraction >= 0 && ReinitFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(ReinitFraction), ReinitFraction, "The reinitialised fraction must be in [0, 1].");
        if (!(float.IsFinite(InitLower) && float.IsFinite(InitUpper) && InitLower < InitUpper))
            throw new ArgumentException($"The noise box [{InitLower}, {InitUpper}] must be finite with its lower corner below the upper.", nameof(InitLower));
        if (!(ClampLower <= ClampUpper))
            throw new ArgumentException($"The clamp [{ClampLower}, {ClampUpper}] is empty.", nameof(ClampLower));
        if (!(RegularizationWeight >= 0) || !float.IsFinite(RegularizationWeight))
            throw new ArgumentOutOfRangeException(nameof(RegularizationWeight), RegularizationWeight, "The regularisation weight must be finite and at least 0.");
        if (!(ClipNorm > 0))
            throw new ArgumentOutOfRangeException(nameof(ClipNorm), ClipNorm, "The clipping norm must be positive (+∞ for none).");
        if (!(Momentum >= 0 && Momentum < 1))
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "The momentum must be in [0, 1).");
        if (!(WeightDecay >= 0))
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "The weight decay must not be negative.");
    }

    private static void Positive(float value, string name)
    {
        if (!(value > 0) || !float.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, "The value must be positive and finite.");
    }
}
