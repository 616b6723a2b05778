using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ebm.Contrastive;

/// <summary>The JSON form of the contrastive options that decide the trained values (for a model file's <c>ebm.training</c>).</summary>
internal static class ContrastiveDescription
{
    public static string Json(ContrastiveOptions o)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("method", "contrastive");
            json.WriteNumber("k", o.LangevinSteps);
            WriteFloat(json, "step_size", o.StepSize);
            WriteFloat(json, "noise_scale", o.NoiseScale);
            json.WriteNumber("chains", o.ChainsPerUpdate);
            json.WriteBoolean("persistent", o.Persistent);
            if (!o.Persistent)
            {
                json.WriteNumber("buffer_size", o.BufferSize);
                WriteFloat(json, "reinit_fraction", o.ReinitFraction);
            }
            WriteFloat(json, "init_lower", o.InitLower);
            WriteFloat(json, "init_upper", o.InitUpper);
            WriteFloat(json, "clamp_lower", o.ClampLower);
            WriteFloat(json, "clamp_upper", o.ClampUpper);
            WriteFloat(json, "regularization", o.RegularizationWeight);
            WriteFloat(json, "clip_norm", o.ClipNorm);
            json.WriteString("optimizer", o.Optimizer.ToString().ToLowerInvariant());
            WriteFloat(json, "learning_rate", o.LearningRate);
            WriteFloat(json, "momentum", o.Momentum);
            WriteFloat(json, "weight_decay", o.WeightDecay);
            if (o.Optimizer == Training.OptimizerKind.Adam)
            {
                WriteFloat(json, "adam_beta1", o.AdamBeta1);
                WriteFloat(json, "adam_beta2", o.AdamBeta2);
                WriteFloat(json, "adam_epsilon", o.AdamEpsilon);
            }
            json.WriteString("schedule", o.Schedule.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("schedule_factor", o.Schedule.Factor);
            json.WriteNumber("schedule_every", o.Schedule.Every);
            json.WriteNumber("batch", o.BatchSize);
            json.WriteNumber("seed", o.Seed);
            json.WriteNumber("epochs", o.Epochs);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The shortest round-trip text; JSON has no infinities, so an unbounded clamp or clip is null.
    private static void WriteFloat(Utf8JsonWriter json, string name, float value)
    {
        json.WritePropertyName(name);
        if (float.IsInfinity(value))
            json.WriteNullValue();
        else
            json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
