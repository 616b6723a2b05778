using System.Globalization;
using System.Text.Json;
using Ebm.IO;
using Ebm.Models;
using Ebm.Sampling;
using Ebm.Training;

namespace Ebm.Cli;

/// <summary>
/// The continuous (score-trained) models the host trains and samples: MlpEnergy for one noise level, and
/// NoiseConditionalMlp, whose σ is a [Const] the host sets per level from the noise levels in the file's training options.
/// </summary>
internal static class ContinuousModels
{
    public const string Mlp = "MlpEnergy", NoiseConditional = "NoiseConditionalMlp";

    /// <summary>A fresh model with LeCun-normal weights (the generated factory's N(0, 0.01²) leave an MLP's score near 0).</summary>
    public static IScoreModel Create(bool noiseConditional, int dimension, int hidden, float sigma, ulong seed)
    {
        IScoreModel model = noiseConditional ? At(dimension, hidden, sigma) : MlpEnergy.Create(MlpEnergy.Parameters.Create(dimension, hidden, hidden, seed: 0));
        return (IScoreModel)model.WithParameters(Initialization.LeCunNormal(model.Layout, seed));
    }

    /// <summary>Whether a model file holds one of these models.</summary>
    public static bool Holds(string path) =>
        Safetensors.Read(path).Metadata.GetValueOrDefault(ModelFileKeys.Model, "") is Mlp or NoiseConditional;

    /// <summary>A model file's model, as a function of σ (constant for MlpEnergy), with the σ it was trained at.</summary>
    public static Loaded Load(string path)
    {
        SafetensorsFile file = Safetensors.Read(path);
        string name = file.Metadata.GetValueOrDefault(ModelFileKeys.Model, "");
        IReadOnlyDictionary<string, int> sizes = ModelFile.ReadSizes(path, name);
        int Size(string key) => sizes.TryGetValue(key, out int v) ? v : throw new DataFormatException(path, 8, $"metadata {ModelFileKeys.Sizes} lacks '{key}'");
        int x = Size("x"), h = Size("W1Rows");
        if (Size("W2Rows") != h)
            throw new DataFormatException(path, 8, $"the host's MLPs have equal hidden layers; the file's are {h} and {Size("W2Rows")}");
        using JsonDocument training = JsonDocument.Parse(file.Metadata.GetValueOrDefault(ModelFileKeys.Training, "{}") is { Length: > 0 } t ? t : "{}");
        JsonElement root = training.RootElement;
        float sigma = root.TryGetProperty("sigma", out JsonElement s) ? s.GetSingle() : 0.1f;
        float[] levels = root.TryGetProperty("noise_levels", out JsonElement l) ? [.. l.EnumerateArray().Select(e => e.GetSingle())] : [];
        if (name == Mlp)
        {
            var model = MlpEnergy.Create(MlpEnergy.Parameters.Create(x, h, h, seed: 0));
            IScoreModel loaded = model.WithParameters(ModelFile.Load(path, model));
            return new Loaded(name, loaded, _ => loaded, levels.Length > 0 ? levels : NoiseSchedule.Geometric(1f, Math.Min(sigma, 0.5f), 5));
        }
        if (name == NoiseConditional)
        {
            if (levels.Length == 0)
                throw new DataFormatException(path, 8, $"a {NoiseConditional} file needs the noise levels in its training options ({ModelFileKeys.Training})");
            float[] theta = ModelFile.Load(path, At(x, h, 1f));
            var cache = new Dictionary<float, IScoreModel>();
            IScoreModel AtNoise(float level)
            {
                lock (cache)
                {
                    if (!cache.TryGetValue(level, out IScoreModel? m))
                        cache[level] = m = NoiseConditionalMlp.Create(NoiseConditionalMlp.Parameters.Create(x, h, h, level, seed: 0)).Rebind(theta);
                    return m;
                }
            }
            return new Loaded(name, AtNoise(levels[^1]), AtNoise, levels);
        }
        throw new ModelFileMismatchException(path, "a continuous model", name,
            $"{path} holds parameters of '{(name.Length == 0 ? "no Ebm model" : name)}'; continuous sampling loads {Mlp} and {NoiseConditional} files");
    }

    private static NoiseConditionalMlp.Model At(int dimension, int hidden, float sigma) =>
        NoiseConditionalMlp.Create(NoiseConditionalMlp.Parameters.Create(dimension, hidden, hidden, sigma, seed: 0));

    /// <summary>A loaded model: by name, at its smallest level, as a function of σ, and the levels to anneal over.</summary>
    internal sealed record Loaded(string Name, IScoreModel Model, Func<float, IScoreModel> AtNoise, IReadOnlyList<float> Levels)
    {
        public int Dimension => Model.Layout.States[0].Size;

        public override string ToString() => $"{Name} {ModelFile.SizesJson(Model.Layout)} (levels {string.Join(", ", Levels.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)))})";
    }
}
