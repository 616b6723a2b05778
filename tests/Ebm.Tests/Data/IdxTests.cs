using Ebm.Data;
using Ebm.IO;
using Ebm.Tests.IO;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Tests.Data;

/// <summary>The IDX reader on files built byte by byte: every element type, both compressions, and every error.</summary>
public class IdxTests
{
    [Fact]
    public void ReadsEveryElementTypeWithItsShape()
    {
        using var folder = new TempFolder();
        IdxArray Read(string name, byte[] bytes)
        {
            File.WriteAllBytes(folder.File(name), bytes);
            return Idx.Read(folder.File(name));
        }

        IdxArray u8 = Read("u8", IdxBytes.UnsignedBytes([0, 1, 128, 255, 7, 9], 2, 3));
        Assert.Equal(IdxElementType.UnsignedByte, u8.ElementType);
        Assert.Equal([2, 3], u8.Shape);
        Assert.Equal(new byte[] { 0, 1, 128, 255, 7, 9 }, u8.ToByteArray());
        Assert.Equal([0, 1, 128, 255, 7, 9], u8.ToInt32Array());
        Assert.Equal([0f, 1f, 128f, 255f, 7f, 9f], u8.ToSingleArray());

        IdxArray i8 = Read("i8", IdxBytes.SignedBytes([-128, -1, 0, 127], 4));
        Assert.Equal([-128, -1, 0, 127], i8.ToInt32Array());
        Assert.Equal([-128.0, -1.0, 0.0, 127.0], i8.ToDoubleArray());

        IdxArray i16 = Read("i16", IdxBytes.Int16([short.MinValue, -2, 0x1234, short.MaxValue], 2, 1, 2));
        Assert.Equal([2, 1, 2], i16.Shape);
        Assert.Equal([short.MinValue, -2, 0x1234, short.MaxValue], i16.ToInt32Array());

        IdxArray i32 = Read("i32", IdxBytes.Int32([int.MinValue, -1, 0x12345678, int.MaxValue], 4));
        Assert.Equal([int.MinValue, -1, 0x12345678, int.MaxValue], i32.ToInt32Array());
        // 2^31 − 1 is not a float: it rounds once, from the integer, to 2^31.
        Assert.Equal(2147483648f, i32.ToSingleArray()[3]);

        IdxArray f32 = Read("f32", IdxBytes.Single([1.5f, -0f, float.Epsilon, float.MaxValue], 2, 2));
        Assert.Equal([1.5f, -0f, float.Epsilon, float.MaxValue], f32.ToSingleArray());
        Assert.Throws<InvalidOperationException>(() => f32.ToInt32Array());
        Assert.Throws<InvalidOperationException>(() => f32.ToByteArray());

        IdxArray f64 = Read("f64", IdxBytes.Double([Math.PI, -1e300, double.Epsilon], 3));
        Assert.Equal([Math.PI, -1e300, double.Epsilon], f64.ToDoubleArray());
        Assert.Equal([(float)Math.PI, float.NegativeInfinity, 0f], f64.ToSingleArray());
    }

    [Fact]
    public void RecognisesGzipByItsMagicBytesNotByItsName()
    {
        using var folder = new TempFolder();
        byte[] plain = IdxBytes.UnsignedBytes([3, 1, 4, 1, 5, 9], 6);
        File.WriteAllBytes(folder.File("compressed.idx"), IdxBytes.Gzip(plain));
        File.WriteAllBytes(folder.File("plain.gz"), plain);
        Assert.Equal(new byte[] { 3, 1, 4, 1, 5, 9 }, Idx.Read(folder.File("compressed.idx")).ToByteArray());
        Assert.Equal(new byte[] { 3, 1, 4, 1, 5, 9 }, Idx.Read(folder.File("plain.gz")).ToByteArray());
    }

    [Fact]
    public void EmptyDimensionsGiveAnEmptyArray()
    {
        // Sizes whose product would overflow, then a 0: the array is empty, not too large.
        using (var stream = new MemoryStream(IdxBytes.Header(0x0E, int.MaxValue, int.MaxValue, int.MaxValue, 0)))
            Assert.Equal(0, Idx.Read(stream, "empty").Length);

        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("empty"), IdxBytes.UnsignedBytes([], 0, 28, 28));
        IdxArray empty = Idx.Read(folder.File("empty"));
        Assert.Equal([0, 28, 28], empty.Shape);
        Assert.Equal(0, empty.Length);
    }

    public static TheoryData<string, byte[], long, string> Malformed => new()
    {
        { "empty file", [], 0, "truncated at offset 0 of the 4-byte IDX magic" },
        { "three bytes", [0, 0, 8], 3, "truncated at offset 3 of the 4-byte IDX magic" },
        { "bad magic", [1, 0, 8, 1, 0, 0, 0, 0], 0, "bad magic 01 00 08 01" },
        { "npy file", [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], 0, "this is an .npy file" },
        { "unsupported type", [0, 0, 0x0A, 1, 0, 0, 0, 0], 2, "unsupported IDX type code 0x0A" },
        { "no dimensions", [0, 0, 8, 0], 3, "the dimension count is 0" },
        { "truncated header", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0], 10, "truncated at offset 10 of the 16-byte header (3 dimensions)" },
        { "truncated data", [.. IdxBytes.Header(0x0B, 2, 3), 0, 1, 0, 2, 0], 17, "truncated at offset 17 of expected 24 bytes" },
        { "trailing bytes", [.. IdxBytes.Header(0x08, 2), 1, 2, 3], 10, "1 trailing bytes after the last element, which ends at offset 10" },
        { "huge dimension", [0, 0, 8, 2, 0, 0, 0, 1, 0x80, 0, 0, 0], 8, "dimension 1 is 2147483648, more than 2^31 - 1" },
        { "dimension overflow", IdxBytes.Header(0x0E, 65536, 65536, 2), 4, "dimension overflow: 65536 x 65536 x 2 elements of 8 bytes" },
        // The element count fits a long, but not once multiplied by the element size.
        { "byte count overflow", IdxBytes.Header(0x0E, Array.MaxLength, Array.MaxLength), 4, $"dimension overflow: {Array.MaxLength} x {Array.MaxLength} elements of 8 bytes" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedFilesNameTheFileTheOffsetAndTheProblem(string what, byte[] bytes, long offset, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.File(what.Replace(' ', '-'));
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => Idx.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Equal(offset, e.Offset);
        Assert.Contains(problem, e.Problem);
        Assert.StartsWith($"{path}: byte {offset}: ", e.Message);
    }

    [Fact]
    public void ACompressedFileReportsOffsetsInTheDecompressedData()
    {
        using var folder = new TempFolder();
        string path = folder.File("short.gz");
        File.WriteAllBytes(path, IdxBytes.Gzip([.. IdxBytes.Header(0x08, 10), 1, 2, 3]));
        var e = Assert.Throws<DataFormatException>(() => Idx.Read(path));
        Assert.Equal(11, e.Offset);
        Assert.Contains("decompressed", e.FilePath);
        Assert.Contains("truncated at offset 11 of expected 18 bytes", e.Problem);
    }

    [Fact]
    public void CorruptGzipDataIsAFormatError()
    {
        using var folder = new TempFolder();
        string path = folder.File("corrupt.gz");
        byte[] gzip = IdxBytes.Gzip(IdxBytes.UnsignedBytes(Enumerable.Range(0, 4000).Select(i => (byte)(i * 7)).ToArray(), 4000));
        // Keep the 10-byte gzip header and scramble the deflate data after it.
        for (int i = 10; i < gzip.Length - 8; i++)
            gzip[i] ^= 0xA5;
        File.WriteAllBytes(path, gzip);
        var e = Assert.Throws<DataFormatException>(() => Idx.Read(path));
        Assert.Contains("corrupt gzip data", e.Problem);
    }

    [Fact]
    public void AGzipFileCutShortIsAFormatError()
    {
        using var folder = new TempFolder();
        string path = folder.File("cut.gz");
        byte[] gzip = IdxBytes.Gzip(IdxBytes.UnsignedBytes(Enumerable.Range(0, 4000).Select(i => (byte)(i * i)).ToArray(), 4000));
        File.WriteAllBytes(path, gzip[..(gzip.Length / 2)]);
        var e = Assert.Throws<DataFormatException>(() => Idx.Read(path));
        Assert.Equal(path + " (gzip; offsets are in the decompressed data)", e.FilePath);
        // .NET's inflater stops quietly at the cut; the size check catches it in the decompressed data.
        Assert.Contains("of expected 4008 bytes", e.Problem);
        Assert.InRange(e.Offset, 0, 4007);
    }

    [Fact]
    public void StreamsReadLikeFiles()
    {
        using var stream = new MemoryStream(IdxBytes.Gzip(IdxBytes.Int32([7, -7], 2)));
        IdxArray array = Idx.Read(stream, "resource");
        Assert.Equal([7, -7], array.ToInt32Array());
        Assert.StartsWith("resource", array.Source);
    }

    [Property(MaxTest = 60)]
    public Property Int16ArraysOfAnyShapeReadBack()
    {
        Gen<int[]> shapes = Gen.Choose(1, 4).SelectMany(rank => Gen.Choose(0, 5).ArrayOf(rank));
        return Prop.ForAll(shapes.ToArbitrary(), Gen.Choose(short.MinValue, short.MaxValue).ArrayOf(200).ToArbitrary(), (shape, pool) =>
        {
            int count = shape.Aggregate(1, (a, b) => a * b);
            short[] values = Enumerable.Range(0, count).Select(i => (short)pool[i % pool.Length]).ToArray();
            using var stream = new MemoryStream(IdxBytes.Int16(values, shape));
            IdxArray array = Idx.Read(stream, "generated");
            Assert.Equal(shape, array.Shape);
            Assert.Equal(values.Select(v => (int)v), array.ToInt32Array());
        });
    }
}
