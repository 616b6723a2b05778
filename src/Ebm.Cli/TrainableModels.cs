using Ebm.IO;
using Ebm.Models;

namespace Ebm.Cli;

/// <summary>The built-in models the host trains, by their short names, and models rebuilt from model files.</summary>
internal static class TrainableModels
{
    public static readonly string[] Kinds = ["rbm", "grbm", "bm", "dbm"];

    /// <summary>A fresh model of kind <paramref name="kind"/> with <paramref name="visible"/> data units.</summary>
    public static IGibbsModel Create(string kind, int visible, int hidden, int hidden2, float sigma, ulong seed) => kind switch
    {
        "rbm" => BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: visible, h: hidden, seed: seed)),
        "grbm" => GaussianBernoulliRbm.Create(GaussianBernoulliRbm.Parameters.Create(v: visible, h: hidden, sigma: sigma, seed: seed)),
        "bm" => BoltzmannMachine.Create(BoltzmannMachine.Parameters.Create(v: visible, h: hidden, beta: 1f, seed: seed)),
        "dbm" => DeepBoltzmannMachine.Create(DeepBoltzmannMachine.Parameters.Create(v: visible, h1: hidden, h2: hidden2, seed: seed)),
        _ => throw new ArgumentException($"unknown model '{kind}'; the trainable models are {string.Join(", ", Kinds)}"),
    };

    /// <summary>The model a file was written for, with its parameters (const values: <paramref name="sigma"/> for a GRBM, β = 1 for a BM).</summary>
    public static IGibbsModel Load(string path, float sigma)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} does not exist (write one with 'ebm train')", path);
        string name = Safetensors.Read(path).Metadata.GetValueOrDefault(ModelFileKeys.Model, "");
        string kind = name switch
        {
            "BernoulliRbm" => "rbm",
            "GaussianBernoulliRbm" => "grbm",
            "BoltzmannMachine" => "bm",
            "DeepBoltzmannMachine" => "dbm",
            _ => throw new ModelFileMismatchException(path, "a trainable model", name,
                $"{path} holds parameters of '{(name.Length == 0 ? "no Ebm model" : name)}'; the host loads BernoulliRbm, GaussianBernoulliRbm, BoltzmannMachine and DeepBoltzmannMachine files"),
        };
        IReadOnlyDictionary<string, int> s = ModelFile.ReadSizes(path, name);
        int Size(string key) => s.TryGetValue(key, out int v) ? v : throw new DataFormatException(path, 8, $"metadata {ModelFileKeys.Sizes} lacks '{key}'");
        IGibbsModel model = kind == "dbm"
            ? Create(kind, Size("v"), Size("h1"), Size("h2"), sigma, 0)
            : Create(kind, Size("v"), Size("h"), 0, sigma, 0);
        return (IGibbsModel)model.WithParameters(ModelFile.Load(path, model));
    }
}
