using System.Text.Json;
using Ebm.IO;

namespace Ebm.Training;

/// <summary>
/// A checkpoint: a model file (so <see cref="ModelFile.Load(string, IEnergyModel)"/> reads its parameters) with the trainer's state added:
/// tensors <c>train/optimizer/first</c>, <c>train/optimizer/second</c> and <c>train/chains/GROUP</c>, and metadata
/// <c>ebm.checkpoint</c> (epochs done, optimiser steps, the options that decide the values) and <c>ebm.history</c>.
/// Everything is float32 or exact JSON, so a resumed run continues bit for bit.
/// </summary>
internal static class Checkpoint
{
    public const string StateKey = "ebm.checkpoint";
    public const string HistoryKey = "ebm.history";
    private const string First = "train/optimizer/first", Second = "train/optimizer/second", Chains = "train/chains/";
    private const string Centered = "train/centered", Offsets = "train/offsets/";

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private sealed record State(int Epochs, long OptimizerSteps, string Options);

    public static void Write(string path, ModelLayout layout, ReadOnlySpan<float> theta, OptimizerState optimizer, float[][]? chains,
                             IReadOnlyList<EpochRecord> history, TrainingOptions options, (float[] Theta, float[][] Offsets)? centered)
    {
        List<NamedTensor> tensors = ModelFile.Tensors(layout, theta);
        tensors.Add(NamedTensor.FromSingles(First, [optimizer.First.Length], optimizer.First));
        if (optimizer.Second.Length > 0)
            tensors.Add(NamedTensor.FromSingles(Second, [optimizer.Second.Length], optimizer.Second));
        if (chains is not null)
            for (int g = 0; g < chains.Length; g++)
                tensors.Add(NamedTensor.FromSingles(Chains + layout.States[g].Name, [chains[g].Length], chains[g]));
        if (centered is { } c)
        {
            tensors.Add(NamedTensor.FromSingles(Centered, [c.Theta.Length], c.Theta));
            for (int g = 0; g < c.Offsets.Length; g++)
                tensors.Add(NamedTensor.FromSingles(Offsets + layout.States[g].Name, [c.Offsets[g].Length], c.Offsets[g]));
        }
        Dictionary<string, string> metadata = ModelFile.Metadata(layout, options.Describe());
        metadata[StateKey] = JsonSerializer.Serialize(new State(history.Count, optimizer.Steps, TrainingDescription.Json(options, includeEpochs: false)), Json);
        metadata[HistoryKey] = JsonSerializer.Serialize(history, Json);
        Safetensors.Write(path, new SafetensorsFile(tensors, metadata));
    }

    /// <summary>What a checkpoint restores.</summary>
    /// <param name="Theta">The declared parameters.</param>
    /// <param name="History">The epochs done.</param>
    /// <param name="Chains">Persistent chains, if any.</param>
    /// <param name="Centered">The centred parameters of a centred run.</param>
    /// <param name="Offsets">Its offsets.</param>
    public sealed record Restored(float[] Theta, List<EpochRecord> History, float[][]? Chains, float[]? Centered, float[][]? Offsets);

    public static Restored Read(string path, ModelLayout layout, OptimizerState optimizer, TrainingOptions options)
    {
        float[] theta = ModelFile.Load(path, layout, out SafetensorsFile file);
        string stateText = file.Metadata.GetValueOrDefault(StateKey, "");
        if (stateText.Length == 0)
            throw new DataFormatException(path, 8, $"not a checkpoint: no {StateKey} in its metadata (a model file without the trainer's state cannot be resumed)");
        State state = JsonSerializer.Deserialize<State>(stateText, Json)
            ?? throw new DataFormatException(path, 8, $"{StateKey} is null");
        string expected = TrainingDescription.Json(options, includeEpochs: false);
        if (state.Options != expected)
            throw new InvalidOperationException($"{path} was written by a run with other options ({state.Options}); this run has {expected}. Resume with the same options or start afresh.");
        List<EpochRecord> history = JsonSerializer.Deserialize<List<EpochRecord>>(file.Metadata.GetValueOrDefault(HistoryKey, "[]"), Json) ?? [];
        if (history.Count != state.Epochs)
            throw new DataFormatException(path, 8, $"{HistoryKey} holds {history.Count} epochs but {StateKey} says {state.Epochs}");
        float[] first = file.Tensor(First).ToSingleArray();
        float[] second = file.Tensors.Any(t => t.Name == Second) ? file.Tensor(Second).ToSingleArray() : [];
        optimizer.Restore(first, second, state.OptimizerSteps);
        float[][]? chains = null;
        if (file.Tensors.Any(t => t.Name.StartsWith(Chains, StringComparison.Ordinal)))
            chains = [.. layout.States.Select(g => file.Tensor(Chains + g.Name).ToSingleArray())];
        float[]? centered = file.Tensors.Any(t => t.Name == Centered) ? file.Tensor(Centered).ToSingleArray() : null;
        float[][]? offsets = centered is null ? null : [.. layout.States.Select(g => file.Tensor(Offsets + g.Name).ToSingleArray())];
        return new Restored(theta, history, chains, centered, offsets);
    }
}
