using System.Security.Cryptography;
using Ebm.Data;
using Ebm.IO;
using Ebm.Tests.IO;

namespace Ebm.Tests.Data;

/// <summary>
/// The full dataset against the peers' loader (<c>../shared/peers/data.py</c>): its binarised bytes must be the
/// same bit for bit, which pins down the scaling (byte/255 in float32) and the threshold rule (x &gt; 0.5).
/// </summary>
public class FashionMnistTests
{
    // data.py's train_sha1 and test_sha1: SHA-1 of (x/255 > 0.5) as uint8, row-major 60000×784 and 10000×784.
    private const string TrainSha1 = "bd7cbf51a56234617f4fbe34ed87237128d70145";
    private const string TestSha1 = "cf40cb368da2dafa65c68feb2cdc9bd615cc0d24";

    [SkippableFact]
    public void BinarisedBytesMatchThePeersLoaderBitForBit()
    {
        DataSplits data = FashionMnistRequirement.Full();
        Assert.Equal((60000, 784), (data.Train.Rows, data.Train.Columns));
        Assert.Equal((10000, 784), (data.Test!.Rows, data.Test.Columns));
        Assert.Equal([28, 28], data.Train.ItemShape);
        Assert.Equal(TrainSha1, Sha1OfBinary(Binarization.Threshold(data.Train)));
        Assert.Equal(TestSha1, Sha1OfBinary(Binarization.Threshold(data.Test)));
        Assert.Equal("", data.Note);
    }

    [SkippableFact]
    public void LabelsAreBalancedClasses()
    {
        DataSplits data = FashionMnistRequirement.Full();
        // Fashion-MNIST has exactly 6,000 training and 1,000 test images per class.
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(6000, data.Train.Labels.Count(l => l == c)));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1000, data.Test!.Labels.Count(l => l == c)));
    }

    [Fact]
    public void AFolderInTheLayoutLoadsRawAndGzipFilesAlike()
    {
        using var folder = new TempFolder();
        byte[] trainPixels = [0, 127, 128, 255, 10, 20, 30, 40];
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.UnsignedBytes(trainPixels, 2, 2, 2));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte.gz"), IdxBytes.Gzip(IdxBytes.UnsignedBytes([3, 9], 2)));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte.gz"), IdxBytes.Gzip(IdxBytes.UnsignedBytes([255, 0, 0, 255], 1, 2, 2)));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([5], 1));

        Assert.True(FashionMnist.IsAvailable(folder.Path));
        DataSplits data = FashionMnist.Load(folder.Path);
        Assert.Equal([2, 2], data.Train.ItemShape);
        Assert.Equal(trainPixels.Select(b => b / 255f), data.Train.Values.ToArray());
        Assert.Equal([3, 9], data.Train.Labels);
        Assert.Equal([1f, 0f, 0f, 1f], data.Test!.Values.ToArray());
        Assert.Equal([5], data.Test.Labels);
        Assert.Contains(folder.File("train-images-idx3-ubyte"), data.Train.Source);
    }

    [Fact]
    public void AMissingFileNamesBothAcceptedNames()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.UnsignedBytes([1], 1, 1, 1));
        Assert.False(FashionMnist.IsAvailable(folder.Path));
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(folder.Path));
        Assert.Contains("neither train-labels-idx1-ubyte nor train-labels-idx1-ubyte.gz", e.Message);
    }

    [Fact]
    public void LabelsThatDoNotMatchTheImagesAreAFormatError()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.UnsignedBytes([1, 2], 2, 1, 1));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([1, 2, 3], 3));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte"), IdxBytes.UnsignedBytes([1], 1, 1, 1));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([1], 1));
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load(folder.Path));
        Assert.Equal(folder.File("train-labels-idx1-ubyte"), e.FilePath);
        Assert.Equal(4, e.Offset);
        Assert.Contains("3 labels for the 2 images", e.Problem);
    }

    [Fact]
    public void ImagesOfAnotherElementTypeAreAFormatError()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.Single([0.5f], 1, 1, 1));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([1], 1));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte"), IdxBytes.UnsignedBytes([1], 1, 1, 1));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([1], 1));
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load(folder.Path));
        Assert.Equal(2, e.Offset);
        Assert.Contains("images are Single, expected unsigned bytes", e.Problem);
    }

    [Fact]
    public void TestImagesOfAnotherShapeAreAFormatError()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.UnsignedBytes([1, 2, 3, 4], 1, 2, 2));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([1], 1));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte"), IdxBytes.UnsignedBytes([1, 2, 3, 4], 1, 4, 1));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte"), IdxBytes.UnsignedBytes([1], 1));
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load(folder.Path));
        Assert.Equal(folder.File("t10k-images-idx3-ubyte"), e.FilePath);
        Assert.Contains("test images are 4x1 but training images are 2x2", e.Problem);
    }

    internal static string Sha1OfBinary(Dataset binary)
    {
        ReadOnlySpan<float> values = binary.Values.Span;
        var bytes = new byte[values.Length];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = values[i] switch { 0f => 0, 1f => 1, _ => throw new InvalidOperationException($"value {values[i]} is not binary") };
        return Convert.ToHexStringLower(SHA1.HashData(bytes));
    }
}
