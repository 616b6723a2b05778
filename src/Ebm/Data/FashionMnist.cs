using Ebm.IO;

namespace Ebm.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28 × 28 grey images of clothing in 10 classes, 60,000 for
/// training and 10,000 for testing. Loads any folder in the standard layout (MNIST too), the Debian package's folder
/// by default, or the subset compiled into this assembly.
/// </summary>
/// <remarks>
/// Pixel values are byte / 255 in float32, the values of <c>x.astype(np.float32) / 255</c> in numpy, so thresholding
/// them reproduces the peers' binarised bytes exactly (<see cref="Binarization"/>). Labels are the class indices
/// 0–9 of <see cref="ClassNames"/>.
/// </remarks>
public static class FashionMnist
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the dataset.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The number of training images in the embedded subset: the first ones of the full training set.</summary>
    public const int EmbeddedTrainCount = 3000;

    /// <summary>The number of test images in the embedded subset: the first ones of the full test set.</summary>
    public const int EmbeddedTestCount = 1000;

    /// <summary>The four files of the layout, each read raw or with a <c>.gz</c> suffix.</summary>
    public static IReadOnlyList<string> FileNames { get; } = Array.AsReadOnly(
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]);

    /// <summary>The names of the classes, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = Array.AsReadOnly(
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    private const string ResourcePrefix = "Ebm.Data.FashionMnistSubset.";

    // byte / 255 rounded to float once per byte value, the same division numpy does elementwise in float32.
    private static readonly float[] Scale = Enumerable.Range(0, 256).Select(b => b / 255f).ToArray();

    /// <summary>The MIT licence notice of Fashion-MNIST, which must accompany the embedded subset.</summary>
    public static string EmbeddedLicense
    {
        get
        {
            using Stream stream = OpenResource("LICENSE");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Whether <paramref name="folder"/> holds the four files of the layout (raw or gzip).</summary>
    /// <param name="folder">A folder.</param>
    /// <returns>True when every file of <see cref="FileNames"/> is there.</returns>
    public static bool IsAvailable(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return FileNames.All(name => FindFile(folder, name) is not null);
    }

    /// <summary>
    /// The full dataset from <paramref name="folder"/> when it holds the four files, else the embedded subset with a
    /// <see cref="DataSplits.Note"/> that says why. This is what the data spec <c>fashion-mnist</c> loads, with
    /// <see cref="DefaultFolder"/>.
    /// </summary>
    /// <param name="folder">The folder to try first, usually <see cref="DefaultFolder"/>.</param>
    /// <returns>The training and test sets.</returns>
    /// <exception cref="DataFormatException">The folder holds the files but one is malformed.</exception>
    public static DataSplits LoadOrEmbedded(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (IsAvailable(folder))
            return Load(folder);
        string why = Directory.Exists(folder)
            ? $"{folder} lacks some of the files {string.Join(", ", FileNames.Select(f => f + "[.gz]"))}"
            : $"{folder} does not exist (install the Debian package dataset-fashion-mnist)";
        return LoadEmbedded() with
        {
            Note = $"{why}; using the embedded subset of {EmbeddedTrainCount} training and {EmbeddedTestCount} test images",
        };
    }

    /// <summary>Loads a folder in the Fashion-MNIST layout: the files of <see cref="FileNames"/>, raw or gzip.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The training and test sets, pixels scaled to [0, 1].</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file of the layout is missing.</exception>
    /// <exception cref="DataFormatException">A file is malformed, or images and labels do not match.</exception>
    public static DataSplits Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder} does not exist; a Fashion-MNIST folder holds {string.Join(", ", FileNames.Select(f => f + "[.gz]"))}");
        IdxArray Read(string name) => Idx.Read(FindFile(folder, name) ?? throw new FileNotFoundException(
            $"{folder} has neither {name} nor {name}.gz; a Fashion-MNIST folder holds {string.Join(", ", FileNames.Select(f => f + "[.gz]"))}",
            Path.Combine(folder, name)));
        Dataset train = Combine("fashion-mnist train", Read(FileNames[0]), Read(FileNames[1]));
        IdxArray testImages = Read(FileNames[2]);
        Dataset test = Combine("fashion-mnist test", testImages, Read(FileNames[3]));
        if (!train.ItemShape.SequenceEqual(test.ItemShape))
            throw new DataFormatException(testImages.Source, 8,
                $"test images are {string.Join("x", test.ItemShape)} but training images are {string.Join("x", train.ItemShape)}");
        return new DataSplits(train, test, "");
    }

    /// <summary>
    /// The subset compiled into this assembly: the first <see cref="EmbeddedTrainCount"/> training and the first
    /// <see cref="EmbeddedTestCount"/> test images with their labels.
    /// </summary>
    /// <returns>The training and test sets, pixels scaled to [0, 1].</returns>
    public static DataSplits LoadEmbedded()
    {
        IdxArray Read(string name)
        {
            using Stream stream = OpenResource(name + ".gz");
            return Idx.Read(stream, $"embedded {name}.gz");
        }
        Dataset train = Combine("fashion-mnist train (embedded subset)", Read(FileNames[0]), Read(FileNames[1]));
        Dataset test = Combine("fashion-mnist test (embedded subset)", Read(FileNames[2]), Read(FileNames[3]));
        return new DataSplits(train, test, "");
    }

    /// <summary>The path of <paramref name="name"/> or <paramref name="name"/>.gz in the folder, raw first.</summary>
    private static string? FindFile(string folder, string name)
    {
        string raw = Path.Combine(folder, name);
        if (File.Exists(raw))
            return raw;
        string gzip = raw + ".gz";
        return File.Exists(gzip) ? gzip : null;
    }

    private static Dataset Combine(string name, IdxArray images, IdxArray labels)
    {
        if (images.ElementType != IdxElementType.UnsignedByte)
            throw new DataFormatException(images.Source, 2, $"images are {images.ElementType}, expected unsigned bytes (type code 0x08)");
        if (images.Shape.Count < 2)
            throw new DataFormatException(images.Source, 3, $"images have {images.Shape.Count} dimension, expected a count and an image shape");
        if (labels.ElementType != IdxElementType.UnsignedByte)
            throw new DataFormatException(labels.Source, 2, $"labels are {labels.ElementType}, expected unsigned bytes (type code 0x08)");
        if (labels.Shape.Count != 1)
            throw new DataFormatException(labels.Source, 3, $"labels have {labels.Shape.Count} dimensions, expected 1");
        if (labels.Shape[0] != images.Shape[0])
            throw new DataFormatException(labels.Source, 4,
                $"{labels.Shape[0]} labels for the {images.Shape[0]} images of {images.Source}");

        ReadOnlySpan<byte> pixels = images.Payload;
        var values = new float[pixels.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = Scale[pixels[i]];
        int[] itemShape = [.. images.Shape.Skip(1)];
        return new Dataset(name, itemShape, values, labels.ToInt32Array(),
            $"{images.Source} ({images.Shape[0]} images {string.Join("x", itemShape)}, byte/255) with labels {labels.Source}");
    }

    private static Stream OpenResource(string name) =>
        typeof(FashionMnist).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The assembly lacks its resource {ResourcePrefix}{name}; the build is broken.");
}
