using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Ebm.Data;
using Ebm.IO;

namespace Ebm.Tests.IO;

/// <summary>
/// .npz archives as numpy writes them, the RBM files of the peers' <c>sklearn_rbm.py</c> read into Ebm's layout, and
/// broken archives.
/// </summary>
public class NpzTests
{
    // make_fixtures.py: components_ (3 hidden × 4 visible) = i/8 − 0.5, intercept_visible_ = [0.25, −0.5, 1, 2],
    // intercept_hidden_ = [−1, 0, 1.5].
    private static float Component(int hidden, int visible) => (4 * hidden + visible) / 8f - 0.5f;

    [Fact]
    public void ReadsEveryArrayOfAnArchiveByName()
    {
        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Read(Fixtures.File("rbm-tiny.npz"));
        Assert.Equal(["components_", "intercept_visible_", "intercept_hidden_", "meta"], arrays.Keys);
        Assert.Equal([3, 4], arrays["components_"].Shape);
        Assert.Equal(Fixtures.File("rbm-tiny.npz") + ":components_.npy", arrays["components_"].Source);
        Assert.Equal(NpyElementType.Unicode, arrays["meta"].ElementType);
    }

    [Theory]
    [InlineData("rbm-tiny.npz", true)]
    [InlineData("rbm-tiny-f64-compressed.npz", false)]
    public void ReadsTheScriptsRbmFilesIntoTheDeclarationsLayout(string file, bool hasMeta)
    {
        SklearnRbmWeights rbm = SklearnRbmWeights.Read(Fixtures.File(file));
        Assert.Equal((4, 3), (rbm.Visible, rbm.Hidden));
        // W is visible × hidden, the transpose of components_.
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(Component(j, i), rbm.Weights.Span[i * 3 + j]);
        Assert.Equal([0.25f, -0.5f, 1f, 2f], rbm.VisibleBias.ToArray());
        Assert.Equal([-1f, 0f, 1.5f], rbm.HiddenBias.ToArray());
        if (hasMeta)
            Assert.Equal("sklearn.BernoulliRBM(PCD-1)", JsonDocument.Parse(rbm.Meta).RootElement.GetProperty("trainer").GetString());
        else
            Assert.Equal("", rbm.Meta);
    }

    [Fact]
    public void AnRbmFileWhoseShapesDisagreeIsAFormatError()
    {
        var e = Assert.Throws<DataFormatException>(() => SklearnRbmWeights.Read(Fixtures.File("rbm-mismatch.npz")));
        Assert.EndsWith("rbm-mismatch.npz:intercept_visible_.npy", e.FilePath);
        Assert.Contains("intercept_visible_ has shape (3,), expected (4,) to match components_", e.Problem);
    }

    [Fact]
    public void AnArchiveWithoutTheRbmArraysSaysWhatItHas()
    {
        using var folder = new TempFolder();
        string path = folder.File("other.npz");
        WriteZip(path, ("x.npy", System.IO.File.ReadAllBytes(Fixtures.File("f4-2d.npy"))));
        var e = Assert.Throws<DataFormatException>(() => SklearnRbmWeights.Read(path));
        Assert.Contains("no array 'components_'", e.Problem);
        Assert.Contains("(found: x)", e.Problem);
    }

    [Fact]
    public void AFileThatIsNotAZipArchiveIsAFormatError()
    {
        var e = Assert.Throws<DataFormatException>(() => Npz.Read(Fixtures.File("f4-2d.npy")));
        Assert.Equal(0, e.Offset);
        Assert.Contains("not a zip archive", e.Problem);
    }

    [Fact]
    public void AnArchiveCutShortIsAFormatError()
    {
        using var folder = new TempFolder();
        string path = folder.File("cut.npz");
        byte[] whole = System.IO.File.ReadAllBytes(Fixtures.File("rbm-tiny.npz"));
        System.IO.File.WriteAllBytes(path, whole[..(whole.Length - 30)]);
        var e = Assert.Throws<DataFormatException>(() => Npz.Read(path));
        Assert.Contains("not a zip archive", e.Problem);
    }

    [Fact]
    public void AMemberThatIsNotAnNpyFileIsAFormatError()
    {
        using var folder = new TempFolder();
        string path = folder.File("extra.npz");
        WriteZip(path, ("readme.txt", "hello"u8.ToArray()));
        var e = Assert.Throws<DataFormatException>(() => Npz.Read(path));
        Assert.Equal(path + ":readme.txt", e.FilePath);
        Assert.Contains("only .npy members", e.Problem);
    }

    [Fact]
    public void AMalformedMemberIsNamedWithItsArchive()
    {
        using var folder = new TempFolder();
        string path = folder.File("bad.npz");
        byte[] npy = System.IO.File.ReadAllBytes(Fixtures.File("f4-2d.npy"));
        WriteZip(path, ("good.npy", npy), ("short.npy", npy[..^3]));
        var e = Assert.Throws<DataFormatException>(() => Npz.Read(path));
        Assert.Equal(path + ":short.npy", e.FilePath);
        Assert.Contains("truncated at offset 149 of expected 152 bytes", e.Problem);
    }

    [Fact]
    public void CorruptCompressedDataIsAFormatError()
    {
        using var folder = new TempFolder();
        string path = folder.File("corrupt.npz");
        byte[] npy = NpyOfSize(4000);
        WriteZip(path, ("big.npy", npy));
        byte[] zip = System.IO.File.ReadAllBytes(path);
        // The deflate data starts after the 30-byte local header and the member's name.
        for (int i = 30 + "big.npy".Length; i < 30 + "big.npy".Length + 200; i++)
            zip[i] ^= 0x5A;
        System.IO.File.WriteAllBytes(path, zip);
        var e = Assert.Throws<DataFormatException>(() => Npz.Read(path));
        Assert.Equal(path + ":big.npy", e.FilePath);
    }

    [SkippableFact]
    public void ReadsAnRbmTrainedByThePeersScript()
    {
        string peers = Path.GetFullPath(Path.Combine(Fixtures.RepositoryRoot(), "..", "shared", "peers"));
        string script = Path.Combine(peers, "sklearn_rbm.py");
        Skip.IfNot(System.IO.File.Exists(script), $"the peers are not set up ({script} is absent)");
        Skip.IfNot(System.IO.File.Exists("/usr/bin/python3"), "/usr/bin/python3 (the peers' Python) is absent");
        Skip.IfNot(FashionMnist.IsAvailable(FashionMnist.DefaultFolder), $"the peers read {FashionMnist.DefaultFolder}, which is absent");
        Skip.IfNot(Run("-c \"import sklearn\"").ExitCode == 0, "scikit-learn is not installed for /usr/bin/python3");

        using var folder = new TempFolder();
        string npz = folder.File("sk.npz");
        Assert.Equal(0, Run($"{script} -H 20 -E 1 -N 500 --out {npz}").ExitCode);
        // numpy's own view of the file: the sum of components_ and one entry, each printed exactly.
        ProcessResult reference = Run("-c \"import numpy as np, sys; d = np.load(sys.argv[1]); c = d['components_']; "
            + $"print(repr(float(c.astype(np.float64).sum())), repr(float(c[7, 300])), repr(float(d['intercept_hidden_'][3])))\" {npz}");
        Assert.Equal(0, reference.ExitCode);
        double[] expected = reference.Output.Split(' ', StringSplitOptions.TrimEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

        SklearnRbmWeights rbm = SklearnRbmWeights.Read(npz);
        Assert.Equal((784, 20), (rbm.Visible, rbm.Hidden));
        double sum = 0;
        foreach (float w in rbm.Weights.Span)
            sum += w;
        Assert.Equal(expected[0], sum, 1e-9 * Math.Max(1, Math.Abs(expected[0])));
        Assert.Equal(expected[1], rbm.Weights.Span[300 * 20 + 7]);
        Assert.Equal(expected[2], rbm.HiddenBias.Span[3]);
        Assert.Contains("\"hidden\": 20", rbm.Meta);
    }

    private sealed record ProcessResult(int ExitCode, string Output);

    private static ProcessResult Run(string arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string lastLine = output.TrimEnd().Split('\n').LastOrDefault() ?? "";
        return new ProcessResult(process.ExitCode, process.ExitCode == 0 ? lastLine : lastLine + error.Result);
    }

    private static byte[] NpyOfSize(int count)
    {
        return Npy.Encode(NpyArray.FromSingles([count], Enumerable.Range(0, count).Select(i => MathF.Sin(i)).ToArray()));
    }

    private static void WriteZip(string path, params (string Name, byte[] Bytes)[] members)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach ((string name, byte[] bytes) in members)
        {
            using Stream s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            s.Write(bytes);
        }
    }
}
