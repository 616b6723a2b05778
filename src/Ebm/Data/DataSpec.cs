namespace Ebm.Data;

/// <summary>
/// Where the data of a command comes from, as the host's <c>--data SPEC</c> writes it:
/// <c>fashion-mnist</c>, <c>fashion-mnist:embedded</c>, <c>idx:DIR</c>, <c>npy:FILE</c>, or a toy set's name
/// (<c>moons</c>, <c>rings</c>, <c>mixture8</c>, <c>mixture2</c>, <c>swissroll</c>, <c>checkerboard</c>).
/// <see cref="Parse"/> is a pure function of the text; <see cref="Load"/> reads or generates the data.
/// </summary>
public sealed record DataSpec
{
    private static readonly (string Name, ToyDataset Toy)[] Toys =
    [
        ("moons", ToyDataset.Moons), ("rings", ToyDataset.Rings), ("mixture8", ToyDataset.Mixture8),
        ("mixture2", ToyDataset.Mixture2), ("swissroll", ToyDataset.SwissRoll), ("checkerboard", ToyDataset.Checkerboard),
    ];

    private DataSpec(DataSpecKind kind, string path, ToyDataset toy)
    {
        Kind = kind;
        Path = path;
        Toy = toy;
    }

    /// <summary>The accepted forms, as an error message or a help text lists them.</summary>
    public static IReadOnlyList<string> AcceptedForms { get; } = Array.AsReadOnly(
        ["fashion-mnist", "fashion-mnist:embedded", "idx:DIR", "npy:FILE", .. Toys.Select(t => t.Name)]);

    /// <summary>The form of the spec.</summary>
    public DataSpecKind Kind { get; }

    /// <summary>The folder of <c>idx:DIR</c> or the file of <c>npy:FILE</c>, as written; empty for the other forms.</summary>
    public string Path { get; }

    /// <summary>The toy set when <see cref="Kind"/> is <see cref="DataSpecKind.Toy"/>; not meaningful otherwise.</summary>
    public ToyDataset Toy { get; }

    /// <summary>Reads a spec. Names and prefixes ignore case and surrounding spaces; paths are kept as written.</summary>
    /// <param name="text">The spec, e.g. <c>fashion-mnist</c>, <c>idx:/data/mnist</c> or <c>moons</c>.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DataSpecException">The text is not an accepted form; the message lists them.</exception>
    public static DataSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string spec = text.Trim();
        if (spec.Length == 0)
            throw Unknown(text, "the data spec is empty");
        if (spec.Equals("fashion-mnist", StringComparison.OrdinalIgnoreCase))
            return new DataSpec(DataSpecKind.FashionMnist, "", default);
        if (spec.Equals("fashion-mnist:embedded", StringComparison.OrdinalIgnoreCase))
            return new DataSpec(DataSpecKind.FashionMnistEmbedded, "", default);
        foreach ((string prefix, DataSpecKind kind, string example) in new[]
        {
            ("idx:", DataSpecKind.Idx, "idx:/usr/share/datasets/fashion-mnist"),
            ("npy:", DataSpecKind.Npy, "npy:data.npy"),
        })
        {
            if (!spec.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                continue;
            string path = spec[prefix.Length..];
            if (path.Length == 0)
                throw Unknown(text, $"'{prefix}' needs a {(kind == DataSpecKind.Idx ? "folder" : "file")} after it, as in {example}");
            return new DataSpec(kind, path, default);
        }
        foreach ((string name, ToyDataset toy) in Toys)
            if (spec.Equals(name, StringComparison.OrdinalIgnoreCase))
                return new DataSpec(DataSpecKind.Toy, "", toy);
        throw Unknown(text, $"unknown data spec '{text}'");
    }

    /// <summary>Reads or generates the data the spec names.</summary>
    /// <param name="options">The seed and sizes of toy sets and the Fashion-MNIST folder.</param>
    /// <returns>
    /// Training and test sets: Fashion-MNIST and IDX folders with pixels in [0, 1] (not binarised; see
    /// <see cref="Binarization"/>), toy sets as float32 [n × 2], an .npy file as the training set alone.
    /// </returns>
    /// <exception cref="Ebm.IO.DataFormatException">A file is malformed, or an .npy file does not hold a 1-D or 2-D numeric array.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <c>idx:DIR</c> does not exist.</exception>
    public DataSplits Load(DataLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Kind switch
        {
            DataSpecKind.FashionMnist => FashionMnist.LoadOrEmbedded(options.FashionMnistFolder),
            DataSpecKind.FashionMnistEmbedded => FashionMnist.LoadEmbedded(),
            DataSpecKind.Idx => FashionMnist.Load(Path),
            DataSpecKind.Npy => new DataSplits(NpyMatrix.Read(Path), null, ""),
            _ => Toy2D.Load(Toy, options.ToyTrainCount, options.ToyTestCount, options.Seed),
        };
    }

    /// <summary>The spec in its canonical form (lower-case names; paths as written).</summary>
    /// <returns>Text that <see cref="Parse"/> reads back to an equal spec.</returns>
    public override string ToString() => Kind switch
    {
        DataSpecKind.FashionMnist => "fashion-mnist",
        DataSpecKind.FashionMnistEmbedded => "fashion-mnist:embedded",
        DataSpecKind.Idx => "idx:" + Path,
        DataSpecKind.Npy => "npy:" + Path,
        _ => Toys.First(t => t.Toy == Toy).Name,
    };

    private static DataSpecException Unknown(string text, string problem) =>
        new(text, $"{problem}; accepted data specs: {string.Join(", ", AcceptedForms)}");
}
