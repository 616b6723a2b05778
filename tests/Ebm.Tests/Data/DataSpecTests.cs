using Ebm.Data;
using Ebm.IO;
using Ebm.Tests.IO;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Tests.Data;

/// <summary>The data spec grammar (a pure parse) and what each form loads.</summary>
public class DataSpecTests
{
    [Theory]
    [InlineData("fashion-mnist", DataSpecKind.FashionMnist, "", "fashion-mnist")]
    [InlineData("  Fashion-MNIST ", DataSpecKind.FashionMnist, "", "fashion-mnist")]
    [InlineData("fashion-mnist:embedded", DataSpecKind.FashionMnistEmbedded, "", "fashion-mnist:embedded")]
    [InlineData("idx:/data/Fashion MNIST", DataSpecKind.Idx, "/data/Fashion MNIST", "idx:/data/Fashion MNIST")]
    [InlineData("IDX:C:/data", DataSpecKind.Idx, "C:/data", "idx:C:/data")]
    [InlineData("npy:x.npy", DataSpecKind.Npy, "x.npy", "npy:x.npy")]
    [InlineData("moons", DataSpecKind.Toy, "", "moons")]
    [InlineData("SwissRoll", DataSpecKind.Toy, "", "swissroll")]
    public void ParsesEveryForm(string text, DataSpecKind kind, string path, string canonical)
    {
        DataSpec spec = DataSpec.Parse(text);
        Assert.Equal(kind, spec.Kind);
        Assert.Equal(path, spec.Path);
        Assert.Equal(canonical, spec.ToString());
        Assert.Equal(spec, DataSpec.Parse(spec.ToString()));
    }

    [Theory]
    [InlineData("moons", ToyDataset.Moons)]
    [InlineData("rings", ToyDataset.Rings)]
    [InlineData("mixture8", ToyDataset.Mixture8)]
    [InlineData("mixture2", ToyDataset.Mixture2)]
    [InlineData("swissroll", ToyDataset.SwissRoll)]
    [InlineData("checkerboard", ToyDataset.Checkerboard)]
    public void NamesEveryToySet(string text, ToyDataset toy) => Assert.Equal(toy, DataSpec.Parse(text).Toy);

    [Theory]
    [InlineData("", "the data spec is empty")]
    [InlineData("mnist", "unknown data spec 'mnist'")]
    [InlineData("fashion-mnist:full", "unknown data spec 'fashion-mnist:full'")]
    [InlineData("idx:", "'idx:' needs a folder after it")]
    [InlineData("npy:", "'npy:' needs a file after it")]
    [InlineData("moons:100", "unknown data spec 'moons:100'")]
    public void AnUnknownSpecListsTheAcceptedForms(string text, string problem)
    {
        var e = Assert.Throws<DataSpecException>(() => DataSpec.Parse(text));
        Assert.StartsWith(problem, e.Message);
        Assert.Equal(text, e.Spec);
        Assert.EndsWith("accepted data specs: fashion-mnist, fashion-mnist:embedded, idx:DIR, npy:FILE, moons, rings, mixture8, mixture2, swissroll, checkerboard", e.Message);
    }

    [Property(MaxTest = 300)]
    public Property AnyTextParsesToASpecThatRoundTripsOrIsRefusedWithTheForms()
    {
        Gen<string> texts = Gen.OneOf(
            ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null),
            Gen.Elements("idx:", "npy:", "fashion-mnist", "moons", " ", ":").SelectMany(p =>
                ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null).Select(s => p + s)));
        return Prop.ForAll(texts.ToArbitrary(), text =>
        {
            DataSpec spec;
            try
            {
                spec = DataSpec.Parse(text);
            }
            catch (DataSpecException e)
            {
                Assert.Contains("accepted data specs:", e.Message);
                return;
            }
            Assert.Equal(spec, DataSpec.Parse(spec.ToString()));
        });
    }

    [Fact]
    public void AToySpecGeneratesWithTheOptionsSeedAndCounts()
    {
        var options = DataLoadOptions.Default with { Seed = 9, ToyTrainCount = 120, ToyTestCount = 30 };
        DataSplits data = DataSpec.Parse("checkerboard").Load(options);
        Assert.Equal(Toy2D.Load(ToyDataset.Checkerboard, 120, 30, 9), data);
        Assert.Equal((120, 30), (data.Train.Rows, data.Test!.Rows));
    }

    [Fact]
    public void FashionMnistFallsBackToTheEmbeddedSubsetWithANote()
    {
        using var folder = new TempFolder();
        string missing = folder.File("not-installed");
        DataSplits data = DataSpec.Parse("fashion-mnist").Load(DataLoadOptions.Default with { FashionMnistFolder = missing });
        Assert.Equal(FashionMnist.EmbeddedTrainCount, data.Train.Rows);
        Assert.Equal($"{missing} does not exist (install the Debian package dataset-fashion-mnist); using the embedded subset of 3000 training and 1000 test images", data.Note);

        // A folder that exists but lacks files says so instead.
        DataSplits partial = DataSpec.Parse("fashion-mnist").Load(DataLoadOptions.Default with { FashionMnistFolder = folder.Path });
        Assert.StartsWith($"{folder.Path} lacks some of the files train-images-idx3-ubyte[.gz]", partial.Note);
    }

    [Fact]
    public void FashionMnistUsesTheFolderWhenItHoldsTheFiles()
    {
        using var folder = new TempFolder();
        WriteTinyLayout(folder);
        DataSplits data = DataSpec.Parse("fashion-mnist").Load(DataLoadOptions.Default with { FashionMnistFolder = folder.Path });
        Assert.Equal(2, data.Train.Rows);
        Assert.Equal("", data.Note);
        Assert.Equal(data, DataSpec.Parse("idx:" + folder.Path).Load(DataLoadOptions.Default));
    }

    [Fact]
    public void TheEmbeddedFormIgnoresTheFolder()
    {
        using var folder = new TempFolder();
        WriteTinyLayout(folder);
        DataSplits data = DataSpec.Parse("fashion-mnist:embedded").Load(DataLoadOptions.Default with { FashionMnistFolder = folder.Path });
        Assert.Equal(FashionMnist.EmbeddedTrainCount, data.Train.Rows);
        Assert.Equal("", data.Note);
    }

    [Fact]
    public void AnIdxFolderThatDoesNotExistIsReported()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataSpec.Parse("idx:" + folder.File("nope")).Load(DataLoadOptions.Default));
        Assert.StartsWith($"{folder.File("nope")} does not exist", e.Message);
    }

    [Fact]
    public void AnNpyFileIsTheTrainingSet()
    {
        DataSplits matrix = DataSpec.Parse("npy:" + Fixtures.File("f4-2d.npy")).Load(DataLoadOptions.Default);
        Assert.Equal((2, 3), (matrix.Train.Rows, matrix.Train.Columns));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => i / 8f - 0.5f), matrix.Train.Values.ToArray());
        Assert.Null(matrix.Test);

        DataSplits vector = DataSpec.Parse("npy:" + Fixtures.File("f8-1d.npy")).Load(DataLoadOptions.Default);
        Assert.Equal((3, 1), (vector.Train.Rows, vector.Train.Columns));

        // Bytes keep their values: a 0/1 matrix saved as uint8 stays binary.
        DataSplits bytes = DataSpec.Parse("npy:" + Fixtures.File("u1-2d.npy")).Load(DataLoadOptions.Default);
        Assert.Equal(20f, bytes.Train.Values.Span[1]);
    }

    [Fact]
    public void AnNpyFileWithoutNumbersInRowsIsAFormatError()
    {
        var e = Assert.Throws<DataFormatException>(() => DataSpec.Parse("npy:" + Fixtures.File("u-0d.npy")).Load(DataLoadOptions.Default));
        Assert.Contains("npy:FILE needs a 1-D or 2-D numeric array", e.Problem);
        Assert.Throws<FileNotFoundException>(() => DataSpec.Parse("npy:" + Fixtures.File("absent.npy")).Load(DataLoadOptions.Default));
    }

    private static void WriteTinyLayout(TempFolder folder)
    {
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.UnsignedBytes([0, 255, 128, 1, 2, 3, 4, 5], 2, 2, 2));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([1, 2], 2));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte"), IdxBytes.UnsignedBytes([9, 9, 9, 9], 1, 2, 2));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([3], 1));
    }
}
