using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ebm.Training;

/// <summary>The JSON form of the options that decide the trained values.</summary>
internal static class TrainingDescription
{
    public static string Json(TrainingOptions o, bool includeEpochs)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("method", o.NegativePhase switch
            {
                NegativePhase.ContrastiveDivergence => "cd",
                NegativePhase.Persistent => "pcd",
                NegativePhase.ParallelTempering => "pt",
                _ => "exact",
            });
            json.WriteNumber("k", o.GibbsSteps);
            if (o.NegativePhase is NegativePhase.Persistent or NegativePhase.ParallelTempering)
                json.WriteNumber("chains", o.Chains);
            if (o.NegativePhase == NegativePhase.ParallelTempering)
            {
                json.WriteStartArray("betas");
                foreach (float b in o.TemperingBetas)
                    json.WriteRawValue(b.ToString("R", CultureInfo.InvariantCulture));
                json.WriteEndArray();
            }
            json.WriteString("positive", o.PositivePhase.ToString().ToLowerInvariant());
            json.WriteNumber("mean_field_iterations", o.MeanFieldIterations);
            if (o.MeanFieldDamping != 0)
                WriteFloat(json, "mean_field_damping", o.MeanFieldDamping);
            json.WriteString("optimizer", o.Optimizer.ToString().ToLowerInvariant());
            WriteFloat(json, "learning_rate", o.LearningRate);
            WriteFloat(json, "momentum", o.Momentum);
            WriteFloat(json, "weight_decay", o.WeightDecay);
            if (o.Optimizer == OptimizerKind.Adam)
            {
                WriteFloat(json, "adam_beta1", o.AdamBeta1);
                WriteFloat(json, "adam_beta2", o.AdamBeta2);
                WriteFloat(json, "adam_epsilon", o.AdamEpsilon);
            }
            if (o.Centering)
                WriteFloat(json, "centering_rate", o.CenteringRate);
            json.WriteString("schedule", o.Schedule.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("schedule_factor", o.Schedule.Factor);
            json.WriteNumber("schedule_every", o.Schedule.Every);
            json.WriteNumber("batch", o.BatchSize);
            json.WriteNumber("seed", o.Seed);
            if (o.DataGroup is not null)
                json.WriteString("data_group", o.DataGroup);
            if (o.FrozenParameters.Count > 0)
            {
                json.WriteStartArray("frozen");
                foreach (string name in o.FrozenParameters)
                    json.WriteStringValue(name);
                json.WriteEndArray();
            }
            if (includeEpochs)
                json.WriteNumber("epochs", o.Epochs);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The shortest round-trip text, so 0.01f is written as 0.01 and reads back as the same float.
    private static void WriteFloat(Utf8JsonWriter json, string name, float value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
