using Ebm.Data;

namespace Ebm.Training;

/// <summary>
/// What <see cref="Trainer.Train(IGibbsModel, Dataset, TrainingOptions)"/> does. The four required values are the
/// ones every run chooses; the rest are init properties whose defaults give PCD-1 with plain SGD (specs/training.md).
/// </summary>
/// <param name="Epochs">Passes over the data, ≥ 1.</param>
/// <param name="BatchSize">Rows per update, ≥ 1; the last batch of an epoch holds the rest.</param>
/// <param name="LearningRate">The base learning rate η, &gt; 0, scaled by <see cref="Schedule"/>.</param>
/// <param name="Seed">The seed of every random draw (shuffling, Gibbs sweeps, monitoring).</param>
public sealed record TrainingOptions(int Epochs, int BatchSize, float LearningRate, ulong Seed)
{
    /// <summary>How the model term is estimated; PCD by default.</summary>
    public NegativePhase NegativePhase { get; init; } = NegativePhase.Persistent;

    /// <summary>k: Gibbs sweeps per update (CD-k, PCD-k, PT sweeps).</summary>
    public int GibbsSteps { get; init; } = 1;

    /// <summary>Persistent chains (PCD, PT); 0 means one per row of a full batch.</summary>
    public int Chains { get; init; }

    /// <summary>Inverse temperatures of parallel tempering, 1 = β₀ &gt; β₁ &gt; … ≥ 0; empty means 10 equally spaced from 1 to 0.1.</summary>
    public IReadOnlyList<float> TemperingBetas { get; init => field = value.ToArray(); } = [];

    /// <summary>How the data term is estimated.</summary>
    public PositivePhase PositivePhase { get; init; } = PositivePhase.Auto;

    /// <summary>Mean-field sweeps over the hidden blocks when the conditional means are not exact.</summary>
    public int MeanFieldIterations { get; init; } = 10;

    /// <summary>
    /// Damping d in [0, 1) of the mean-field sweeps: μ ← dμ + (1 − d)σ(logits). The parallel update of a group whose units
    /// interact (a BM's lateral weights) can oscillate between two states when the couplings are strong; damping makes
    /// it settle. 0 (the default) is the plain update; a DBM's layers do not need it.
    /// </summary>
    public float MeanFieldDamping { get; init; }

    /// <summary>The update rule.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>SGD momentum μ in [0, 1).</summary>
    public float Momentum { get; init; }

    /// <summary>L2 weight decay λ on the matrix parameters (the gradient gains λθ); biases are not decayed.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Adam's β₁.</summary>
    public float AdamBeta1 { get; init; } = 0.9f;

    /// <summary>Adam's β₂.</summary>
    public float AdamBeta2 { get; init; } = 0.999f;

    /// <summary>Adam's ε.</summary>
    public float AdamEpsilon { get; init; } = 1e-8f;

    /// <summary>The learning-rate schedule.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>
    /// Centring (Montavon &amp; Müller 2012): train θ of E(x − o; θ) with o the data mean for the data group and a running
    /// mean of the hidden means for the others. Needs every group binary and summable (RBM, DBM); the result is
    /// returned in the declared parametrisation.
    /// </summary>
    public bool Centering { get; init; }

    /// <summary>The rate ν of the hidden offsets' running mean, o ← (1 − ν)o + ν·mean(μ); 0 keeps them at 0.5.</summary>
    public float CenteringRate { get; init; } = 0.01f;

    /// <summary>The state group the data rows describe; null means the first group.</summary>
    public string? DataGroup { get; init; }

    /// <summary>
    /// Trainable parameters held at their initial values (their gradient is computed but not applied); used by
    /// <see cref="GreedyPretraining"/> to train one pair of layers of a deeper model. Empty: all are trained.
    /// </summary>
    public IReadOnlyList<string> FrozenParameters { get; init => field = value.ToArray(); } = [];

    /// <summary>The log-likelihood reported after each epoch.</summary>
    public LogLikelihoodEstimate Evaluation { get; init; } = LogLikelihoodEstimate.None;

    /// <summary>Rows the log-likelihood is measured on (e.g. a test set); null means the monitored training rows.</summary>
    public Dataset? EvaluationData { get; init; }

    /// <summary>The first this many training rows are monitored (reconstruction error, pseudo-likelihood).</summary>
    public int MonitorRows { get; init; } = 1000;

    /// <summary>AIS runs when <see cref="Evaluation"/> is <see cref="LogLikelihoodEstimate.Ais"/>.</summary>
    public int AisRuns { get; init; } = 100;

    /// <summary>AIS intermediate distributions (a uniform schedule of this many transitions).</summary>
    public int AisTransitions { get; init; } = 10_000;

    /// <summary>A file to write atomically after every epoch; with <see cref="Resume"/>, the run continues from it.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Continue from <see cref="CheckpointPath"/> when it exists (written by a run with the same options).</summary>
    public bool Resume { get; init; }

    /// <summary>Threads for the Gibbs chunks; −1 for all.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Called after each epoch (after its checkpoint is written) with its record.</summary>
    public Action<EpochRecord>? OnEpoch { get; init; }

    /// <summary>Called after each update with where the run stands; it sees no parameters, so it cannot change the result.</summary>
    public Action<BatchRecord>? OnBatch { get; init; }

    /// <summary>Equal when every member is, lists compared entry by entry.</summary>
    /// <param name="other">The options to compare with.</param>
    /// <returns>True for equal options.</returns>
    public bool Equals(TrainingOptions? other) =>
        other is not null && Describe() == other.Describe() && CheckpointPath == other.CheckpointPath && Resume == other.Resume
        && MaxDegreeOfParallelism == other.MaxDegreeOfParallelism && ReferenceEquals(OnEpoch, other.OnEpoch) && ReferenceEquals(OnBatch, other.OnBatch)
        && Equals(EvaluationData, other.EvaluationData);

    /// <inheritdoc/>
    public override int GetHashCode() => Describe().GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// The options that decide the trained values, as a JSON object (stored under <c>ebm.training</c> in model files and
    /// checkpoints). Threads, checkpointing, callbacks and evaluation are left out: they do not change the parameters.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string Describe() => TrainingDescription.Json(this, includeEpochs: true);
}
