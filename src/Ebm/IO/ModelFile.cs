using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ebm.IO;

/// <summary>
/// A model's trainable parameters as a safetensors file (specs/training.md, "Model files"): one F32 tensor per trainable
/// parameter, named and shaped as declared, and the metadata of <see cref="ModelFileKeys"/>. Loading refuses a file
/// written for another model, another declaration of it or other sizes (<see cref="ModelFileMismatchException"/>).
/// </summary>
public static class ModelFile
{
    /// <summary>The value of <see cref="ModelFileKeys.Format"/>.</summary>
    public const string FormatName = "ebm-parameters-1";

    /// <summary>
    /// The declaration hash: the first 16 hex digits of the SHA-256 of the model's description as the generator read it
    /// (name, sizes, state groups, parameters with roles and shapes, structure). A changed energy that keeps all of
    /// these (a sign flipped inside an expression) keeps the hash: the generator does not expose the expression itself.
    /// </summary>
    /// <param name="description">The model's description.</param>
    /// <returns>The hash, lower-case hex.</returns>
    public static string DeclarationHash(ModelDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var text = new StringBuilder();
        text.Append(description.Name).Append('|').AppendJoin(',', description.Sizes).Append('|');
        foreach (StateGroup s in description.States)
            text.Append(s.Name).Append(':').Append(s.Kind).Append(':').Append(s.Size).Append(';');
        text.Append('|');
        foreach (ModelParameter p in description.Parameters)
            text.Append(p.Name).Append(':').Append(p.Rank).Append(':').AppendJoin('x', p.Shape).Append(':').Append(p.IsTrainable).Append(';');
        ModelStructure st = description.Structure;
        text.Append('|').AppendJoin(';', st.GibbsBlocks.Select(b => string.Join(',', b.Groups) + (b.IsSequential ? "!" : "")))
            .Append('|').AppendJoin(',', st.BinaryGroups).Append('|').AppendJoin(',', st.SummableGroups).Append('|').AppendJoin(',', st.GaussianGroups);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The size values of a layout as the JSON object stored under <see cref="ModelFileKeys.Sizes"/>.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>For example <c>{"v":784,"h":500}</c>.</returns>
    public static string SizesJson(ModelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return "{" + string.Join(",", layout.Description.Sizes.Select((n, i) => $"{JsonSerializer.Serialize(n)}:{layout.Sizes[i]}")) + "}";
    }

    /// <summary>Writes the model's parameters atomically, without training options.</summary>
    /// <param name="path">The file.</param>
    /// <param name="model">The model.</param>
    public static void Save(string path, IEnergyModel model) => Save(path, model, "");

    /// <summary>Writes the model's parameters atomically with the training options that produced them.</summary>
    /// <param name="path">The file.</param>
    /// <param name="model">The model.</param>
    /// <param name="training">The options as JSON (<c>TrainingOptions.Describe()</c>), or empty.</param>
    public static void Save(string path, IEnergyModel model, string training)
    {
        ArgumentNullException.ThrowIfNull(model);
        var theta = new float[model.Layout.ParameterCount];
        model.CopyParameters(theta);
        Safetensors.Write(path, new SafetensorsFile(Tensors(model.Layout, theta), Metadata(model.Layout, training)));
    }

    /// <summary>Reads the size values a model file was written for, so a caller can build the model to load it into.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedModel">The model's declared name.</param>
    /// <returns>The sizes by name.</returns>
    /// <exception cref="DataFormatException">The file is malformed or its sizes are not a JSON object of integers.</exception>
    /// <exception cref="ModelFileMismatchException">The file is for another model.</exception>
    public static IReadOnlyDictionary<string, int> ReadSizes(string path, string expectedModel)
    {
        SafetensorsFile file = Safetensors.Read(path, expectedModel);
        return Sizes(file, path);
    }

    /// <summary>Reads a model file into the layout of <paramref name="model"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="model">A model of the declaration and sizes the file must hold.</param>
    /// <returns>The flat parameter vector; <c>model.WithParameters</c> binds it.</returns>
    /// <exception cref="DataFormatException">The file is malformed, or a parameter tensor is missing, not F32 or of the wrong shape.</exception>
    /// <exception cref="ModelFileMismatchException">The file is for another model, declaration or sizes.</exception>
    public static float[] Load(string path, IEnergyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Load(path, model.Layout, out _);
    }

    internal static float[] Load(string path, ModelLayout layout, out SafetensorsFile file)
    {
        string name = layout.Description.Name;
        file = Safetensors.Read(path, name, DeclarationHash(layout.Description));
        IReadOnlyDictionary<string, int> sizes = Sizes(file, path);
        string expected = SizesJson(layout);
        bool same = sizes.Count == layout.Sizes.Count
            && layout.Description.Sizes.Select((n, i) => sizes.TryGetValue(n, out int v) && v == layout.Sizes[i]).All(b => b);
        if (!same)
            throw new ModelFileMismatchException(path, expected, file.Metadata[ModelFileKeys.Sizes],
                $"{path} holds '{name}' parameters of sizes {file.Metadata[ModelFileKeys.Sizes]}, not {expected}; build the model with the file's sizes");
        var theta = new float[layout.ParameterCount];
        foreach (ParameterLayout p in layout.Parameters)
        {
            NamedTensor? t = file.Tensors.FirstOrDefault(x => x.Name == p.Name);
            if (t is null)
                throw new DataFormatException(path, 8, $"no tensor '{p.Name}', a trainable parameter of '{name}' (found: {string.Join(", ", file.Tensors.Select(x => x.Name))})");
            if (t.DType != TensorDType.F32 || !t.Shape.SequenceEqual(p.Shape))
                throw new DataFormatException(path, 8, $"tensor '{p.Name}' is {t.DType}[{string.Join(", ", t.Shape)}], expected F32[{string.Join(", ", p.Shape)}]");
            t.ToSingleArray().CopyTo(theta, p.Offset);
        }
        return theta;
    }

    internal static List<NamedTensor> Tensors(ModelLayout layout, ReadOnlySpan<float> theta)
    {
        var tensors = new List<NamedTensor>();
        foreach (ParameterLayout p in layout.Parameters)
            tensors.Add(NamedTensor.FromSingles(p.Name, p.Shape, theta.Slice(p.Offset, p.Length)));
        return tensors;
    }

    internal static Dictionary<string, string> Metadata(ModelLayout layout, string training)
    {
        var metadata = new Dictionary<string, string>
        {
            [ModelFileKeys.Model] = layout.Description.Name,
            [ModelFileKeys.DeclarationHash] = DeclarationHash(layout.Description),
            [ModelFileKeys.Sizes] = SizesJson(layout),
            [ModelFileKeys.Format] = FormatName,
        };
        if (training.Length > 0)
            metadata[ModelFileKeys.Training] = training;
        return metadata;
    }

    private static Dictionary<string, int> Sizes(SafetensorsFile file, string path)
    {
        string text = file.Metadata.GetValueOrDefault(ModelFileKeys.Sizes, "");
        try
        {
            using JsonDocument json = JsonDocument.Parse(text);
            return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new DataFormatException(path, 8, $"metadata {ModelFileKeys.Sizes} is not a JSON object of integer sizes: '{text}'", e);
        }
    }
}
