using System.Globalization;
using System.Text;
using System.Text.Json;
using Ebm.Sampling;
using Ebm.Training;

namespace Ebm.ScoreMatching;

/// <summary>
/// What <see cref="ScoreTrainer"/> does. The five required values are the ones every run chooses; the init properties'
/// defaults give Adam (β = 0.9, 0.999), a constant learning rate, no weight decay and no clipping.
/// </summary>
/// <param name="Method">The loss.</param>
/// <param name="Epochs">Passes over the data, ≥ 1.</param>
/// <param name="BatchSize">Rows per update, ≥ 1; the last batch of an epoch holds the rest.</param>
/// <param name="LearningRate">The base learning rate η, &gt; 0, scaled by <see cref="Schedule"/>.</param>
/// <param name="Seed">The seed of every draw: the epochs' order, the noise or projections, NCSN's levels.</param>
public sealed record ScoreTrainingOptions(ScoreMethod Method, int Epochs, int BatchSize, float LearningRate, ulong Seed)
{
    /// <summary>The noise level of <see cref="ScoreMethod.Denoising"/>.</summary>
    public float Sigma { get; init; } = 0.1f;

    /// <summary>
    /// The levels of <see cref="ScoreMethod.NoiseConditional"/>, largest first; by default 10 geometric levels from 1 to
    /// 0.01 (<see cref="NoiseSchedule.Geometric"/>).
    /// </summary>
    public IReadOnlyList<float> NoiseLevels { get; init => field = value.ToArray(); } = NoiseSchedule.Geometric(1f, 0.01f, 10);

    /// <summary>The update rule.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>SGD momentum μ in [0, 1).</summary>
    public float Momentum { get; init; }

    /// <summary>L2 weight decay λ on the matrix parameters (the gradient gains λθ); vectors and scalars are not decayed.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Adam's β₁.</summary>
    public float AdamBeta1 { get; init; } = 0.9f;

    /// <summary>Adam's β₂.</summary>
    public float AdamBeta2 { get; init; } = 0.999f;

    /// <summary>Adam's ε.</summary>
    public float AdamEpsilon { get; init; } = 1e-8f;

    /// <summary>The learning-rate schedule (as in <see cref="TrainingOptions.Schedule"/>).</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>
    /// The largest Euclidean norm of the loss gradient an update uses: a longer one is scaled down to it before the
    /// optimiser (and before weight decay); +∞ never clips.
    /// </summary>
    public float MaxGradientNorm { get; init; } = float.PositiveInfinity;

    /// <summary>Threads over the chunks of a batch; the result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called after each epoch with its record.</summary>
    public Action<ScoreEpochRecord>? OnEpoch { get; init; }

    /// <summary>Equal when the options that decide the values are, and the threads and callback are the same.</summary>
    /// <param name="other">The options to compare with.</param>
    /// <returns>True for equal options.</returns>
    public bool Equals(ScoreTrainingOptions? other) =>
        other is not null && Describe() == other.Describe() && MaxDegreeOfParallelism == other.MaxDegreeOfParallelism
        && ReferenceEquals(OnEpoch, other.OnEpoch);

    /// <inheritdoc/>
    public override int GetHashCode() => Describe().GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// The options that decide the trained values as a JSON object, for <c>ebm.training</c> in model files; a sampler
    /// reads <c>method</c>, <c>sigma</c> and <c>noise_levels</c> back from it.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string Describe()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("method", MethodName(Method));
            if (Method == ScoreMethod.Denoising)
                WriteFloat(json, "sigma", Sigma);
            if (Method == ScoreMethod.NoiseConditional)
            {
                json.WriteStartArray("noise_levels");
                foreach (float level in NoiseLevels)
                    json.WriteRawValue(level.ToString("R", CultureInfo.InvariantCulture));
                json.WriteEndArray();
            }
            json.WriteString("optimizer", Optimizer.ToString().ToLowerInvariant());
            WriteFloat(json, "learning_rate", LearningRate);
            WriteFloat(json, "momentum", Momentum);
            WriteFloat(json, "weight_decay", WeightDecay);
            if (Optimizer == OptimizerKind.Adam)
            {
                WriteFloat(json, "adam_beta1", AdamBeta1);
                WriteFloat(json, "adam_beta2", AdamBeta2);
                WriteFloat(json, "adam_epsilon", AdamEpsilon);
            }
            json.WriteString("schedule", Schedule.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("schedule_factor", Schedule.Factor);
            json.WriteNumber("schedule_every", Schedule.Every);
            if (float.IsFinite(MaxGradientNorm))
                WriteFloat(json, "max_gradient_norm", MaxGradientNorm);
            json.WriteNumber("batch", BatchSize);
            json.WriteNumber("seed", Seed);
            json.WriteNumber("epochs", Epochs);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The method's short name: <c>sm</c>, <c>dsm</c>, <c>ssm</c> or <c>ncsn</c> (the host's <c>--method</c>).</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    public static string MethodName(ScoreMethod method) => method switch
    {
        ScoreMethod.Exact => "sm",
        ScoreMethod.Denoising => "dsm",
        ScoreMethod.Sliced => "ssm",
        ScoreMethod.NoiseConditional => "ncsn",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a score-matching method."),
    };

    internal OptimizerSettings OptimizerSettings => new(Optimizer, Momentum, WeightDecay, AdamBeta1, AdamBeta2, AdamEpsilon);

    private static void WriteFloat(Utf8JsonWriter json, string name, float value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
