using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Ebm.IO;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Tests.IO;

/// <summary>
/// The safetensors reader on a file written by hand in Python and on broken files, the writer's layout, round trips
/// over random contents, and the refusal of a file written for another model.
/// </summary>
public class SafetensorsTests
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    [Fact]
    public void ReadsAFileWrittenFromTheFormatsDefinition()
    {
        SafetensorsFile file = Safetensors.Read(Fixtures.File("python.safetensors"));
        Assert.Equal(["bias", "mask", "weight"], file.Tensors.Select(t => t.Name));
        NamedTensor weight = file.Tensor("weight");
        Assert.Equal(TensorDType.F32, weight.DType);
        Assert.Equal([2, 3], weight.Shape);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => i / 4f - 1), weight.ToSingleArray());
        Assert.Equal([0.5, -2.0, 1e-300], file.Tensor("bias").ToDoubleArray());
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, file.Tensor("mask").ToByteArray());
        Assert.Equal("BernoulliRbm", file.Metadata[ModelFileKeys.Model]);
        Assert.Equal("written by make_fixtures.py", file.Metadata["note"]);
        var missing = Assert.Throws<KeyNotFoundException>(() => file.Tensor("W"));
        Assert.Contains("bias, mask, weight", missing.Message);
    }

    [Fact]
    public void WritesTheReferenceLayout()
    {
        using var folder = new TempFolder();
        var file = new SafetensorsFile(
            [NamedTensor.FromBytes("a", [3], [1, 2, 3]), NamedTensor.FromSingles("w", [2], [1f, 2f]), NamedTensor.FromDoubles("s", [], [0.5])],
            new Dictionary<string, string> { [ModelFileKeys.Model] = "M" });
        Safetensors.Write(folder.File("m.safetensors"), file);
        byte[] bytes = File.ReadAllBytes(folder.File("m.safetensors"));
        Assert.Equal(["m.safetensors"], folder.Entries());

        long n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)n);
        // Metadata first, then the tensors by element size (8, 4, 1 bytes) so each starts aligned; spaces pad to 8.
        Assert.Equal(
            "{\"__metadata__\":{\"ebm.model\":\"M\"},"
            + "\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]},"
            + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},"
            + "\"a\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[16,19]}}",
            header.TrimEnd(' '));
        Assert.Equal(0, n % 8);
        Assert.Equal(8 + n + 19, bytes.Length);
        Assert.Equal(BitConverter.GetBytes(0.5), bytes[(int)(8 + n)..(int)(8 + n + 8)]);
        Assert.Equal(file, Safetensors.Read(folder.File("m.safetensors")));
    }

    private static Gen<Func<string, NamedTensor>> TensorGen =>
        from rank in Gen.Choose(0, 3)
        from shape in Gen.Choose(0, 4).ArrayOf(rank)
        from kind in Gen.Choose(0, 2)
        from seed in Gen.Choose(0, 1000)
        let count = shape.Aggregate(1, (a, b) => a * b)
        select (Func<string, NamedTensor>)(name => kind switch
        {
            0 => NamedTensor.FromSingles(name, shape, Enumerable.Range(0, count).Select(i => MathF.Sin(seed + i) * 1e3f).ToArray()),
            1 => NamedTensor.FromDoubles(name, shape, Enumerable.Range(0, count).Select(i => Math.Exp(seed % 50 - i)).ToArray()),
            _ => NamedTensor.FromBytes(name, shape, Enumerable.Range(0, count).Select(i => (byte)(seed + 31 * i)).ToArray()),
        });

    private static Gen<SafetensorsFile> FileGen =>
        from count in Gen.Choose(0, 6)
        from makers in TensorGen.ArrayOf(count)
        from keys in Gen.Choose(0, 3)
        select new SafetensorsFile(makers.Select((make, i) => make(i % 2 == 0 ? $"layer{i}.weight" : $"ψ{i}")).ToArray(),
            Enumerable.Range(0, keys).ToDictionary(k => $"key{k}", k => k == 1 ? "{\"json\": \"ünïcode \\\" quote\"}" : $"value {k}"));

    [Property(MaxTest = 60)]
    public Property WriteThenReadGivesTheSameContents() => Prop.ForAll(FileGen.ToArbitrary(), file =>
    {
        using var folder = new TempFolder();
        Safetensors.Write(folder.File("x.safetensors"), file);
        SafetensorsFile read = Safetensors.Read(folder.File("x.safetensors"));
        Assert.Equal(file, read);
        // Every tensor starts at a multiple of its element size, in the file as well as in the data section.
        byte[] bytes = File.ReadAllBytes(folder.File("x.safetensors"));
        long n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        using JsonDocument header = JsonDocument.Parse(bytes.AsMemory(8, (int)n));
        foreach (JsonProperty p in header.RootElement.EnumerateObject().Where(p => p.Name != Safetensors.MetadataKey))
        {
            int size = p.Value.GetProperty("dtype").GetString() switch { "F64" => 8, "F32" => 4, _ => 1 };
            Assert.Equal(0, p.Value.GetProperty("data_offsets")[0].GetInt64() % size);
        }
        Assert.Equal(["x.safetensors"], folder.Entries());
    });

    /// <summary>A file of an 8-byte length, the given header text and the given number of data bytes.</summary>
    private static byte[] Made(string header, int dataBytes)
    {
        byte[] text = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + text.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)text.Length);
        text.CopyTo(bytes, 8);
        return bytes;
    }

    private const string W = "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    public static TheoryData<string, byte[], long, string> Malformed => new()
    {
        { "empty", [], 0, "truncated at offset 0 of the 8-byte header length" },
        { "five bytes", [1, 0, 0, 0, 0], 5, "truncated at offset 5 of the 8-byte header length" },
        { "header past end", Made("{" + W + "}", 8)[..40], 0, "header length 54 runs past the end of the file: the header would end at offset 62 of 40" },
        { "huge header length", [0, 0, 0, 0, 0, 0, 0, 0x7F, (byte)'{', (byte)'}'], 0, "exceeds the 100000000-byte limit" },
        { "not an object", Made("[1, 2]", 0), 8, "the header is not a JSON object (it must start with '{')" },
        { "json garbage", Made("{\"w\": nope}", 0), 14, "the header is not valid JSON" },
        { "json cut short", Made("{" + W, 8), 61, "the header is not valid JSON" },
        { "json after object", Made("{} {}", 0), 11, "the header is not valid JSON" },
        { "duplicate tensor", Made("{" + W + "," + W + "}", 8), 62, "'w' appears twice in the header" },
        { "unsupported dtype", Made("{\"w\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), 22, "unsupported dtype 'BF16' for tensor 'w'; Ebm reads F32, F64 and U8" },
        { "size mismatch", Made("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), 9, "tensor 'w' is F32[3], 12 bytes, but its data_offsets [0, 8] span 8" },
        { "reversed offsets", Made("{\"w\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[4,0]}}", 4), 9, "end before they begin" },
        { "negative dimension", Made("{\"w\":{\"dtype\":\"U8\",\"shape\":[-1],\"data_offsets\":[0,0]}}", 0), 36, "holds something other than a non-negative integer" },
        { "fractional offset", Made("{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,0.5]}}", 1), 57, "holds something other than a non-negative integer" },
        { "three offsets", Made("{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1,2]}}", 1), 54, "are 3 numbers, not [begin, end]" },
        { "byte count overflow", Made("{\"w\":{\"dtype\":\"F64\",\"shape\":[2147483591,2147483591],\"data_offsets\":[0,8]}}", 8), 9, "tensor 'w' of shape [2147483591, 2147483591] exceeds" },
        { "missing offsets", Made("{\"w\":{\"dtype\":\"U8\",\"shape\":[1]}}", 1), 9, "tensor 'w' lacks data_offsets" },
        { "tensor not object", Made("{\"w\":[1]}", 0), 13, "tensor 'w' is not an object" },
        { "metadata not strings", Made("{\"__metadata__\":{\"epochs\":5}}", 0), 34, "metadata 'epochs' is not a string" },
        { "truncated data", Made("{" + W + "}", 5), 67, "truncated at offset 67 of expected 70 bytes: tensor 'w' has data offsets [0, 8)" },
        { "trailing bytes", Made("{" + W + "}", 10), 70, "2 trailing bytes after the last tensor, which ends at offset 70" },
        {
            "overlap", Made("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
            8 + 108 + 4, "tensor 'b' [4, 12) overlaps tensor 'a' [0, 8)"
        },
        {
            "hole", Made("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12),
            8 + 108 + 4, "data bytes [4, 8) belong to no tensor"
        },
        { "offsets past end", Made("{\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 0), 62, "truncated at offset 62 of expected 70 bytes" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedFilesNameTheFileTheOffsetAndTheProblem(string what, byte[] bytes, long offset, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.File(what.Replace(' ', '-') + ".safetensors");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => Safetensors.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(problem, e.Problem);
        Assert.Equal(offset, e.Offset);
    }

    [Fact]
    public void InvalidUtf8InTheHeaderIsAFormatError()
    {
        using var folder = new TempFolder();
        byte[] bytes = Made("{\"w?\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[0,0]}}", 0);
        bytes[11] = 0xFF;
        File.WriteAllBytes(folder.File("utf8.safetensors"), bytes);
        var e = Assert.Throws<DataFormatException>(() => Safetensors.Read(folder.File("utf8.safetensors")));
        Assert.Equal(9, e.Offset);
        Assert.Contains("the header is not valid JSON", e.Problem);
    }

    [Fact]
    public void UnknownTensorFieldsAreSkippedAsTheReferenceReaderDoes()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("x.safetensors"), Made("{\"w\":{\"dtype\":\"U8\",\"future\":{\"a\":[1,2]},\"shape\":[1],\"data_offsets\":[0,1]}}   ", 1));
        Assert.Equal([1], Safetensors.Read(folder.File("x.safetensors")).Tensor("w").Shape);
    }

    [Fact]
    public void AFileForAnotherModelIsRefusedWithBothNames()
    {
        string path = Fixtures.File("python.safetensors");
        Assert.Equal("BernoulliRbm", Safetensors.Read(path, "BernoulliRbm").Metadata[ModelFileKeys.Model]);
        var e = Assert.Throws<ModelFileMismatchException>(() => Safetensors.Read(path, "GaussianBernoulliRbm"));
        Assert.Equal($"{path} holds parameters of model 'BernoulliRbm', not 'GaussianBernoulliRbm'", e.Message);
        Assert.Equal(("GaussianBernoulliRbm", "BernoulliRbm"), (e.Expected, e.Found));
    }

    [Fact]
    public void AFileWithoutAModelNameIsNotAModelFile()
    {
        using var folder = new TempFolder();
        Safetensors.Write(folder.File("plain.safetensors"), new SafetensorsFile([NamedTensor.FromSingles("w", [1], [1f])], NoMetadata));
        var e = Assert.Throws<ModelFileMismatchException>(() => Safetensors.Read(folder.File("plain.safetensors"), "BernoulliRbm"));
        Assert.Contains("is not an Ebm model file (no ebm.model in its metadata)", e.Message);
    }

    [Fact]
    public void AFileForAnotherDeclarationOfTheModelIsRefused()
    {
        using var folder = new TempFolder();
        string path = folder.File("rbm.safetensors");
        var metadata = new Dictionary<string, string> { [ModelFileKeys.Model] = "BernoulliRbm", [ModelFileKeys.DeclarationHash] = "aaaa" };
        Safetensors.Write(path, new SafetensorsFile([NamedTensor.FromSingles("W", [1, 1], [1f])], metadata));
        Assert.Single(Safetensors.Read(path, "BernoulliRbm", "aaaa").Tensors);
        var e = Assert.Throws<ModelFileMismatchException>(() => Safetensors.Read(path, "BernoulliRbm", "bbbb"));
        Assert.Contains("was written for a different declaration of 'BernoulliRbm' (declaration hash aaaa, this build has bbbb)", e.Message);

        Safetensors.Write(path, new SafetensorsFile([NamedTensor.FromSingles("W", [1, 1], [1f])], new Dictionary<string, string> { [ModelFileKeys.Model] = "BernoulliRbm" }));
        var none = Assert.Throws<ModelFileMismatchException>(() => Safetensors.Read(path, "BernoulliRbm", "bbbb"));
        Assert.Contains("does not record the declaration", none.Message);
    }

    [Fact]
    public void ContentsCheckTheirNames()
    {
        Assert.Throws<ArgumentException>(() => new SafetensorsFile([NamedTensor.FromBytes("a", [], [1]), NamedTensor.FromBytes("a", [], [2])], NoMetadata));
        Assert.Throws<ArgumentException>(() => NamedTensor.FromBytes(Safetensors.MetadataKey, [], [1]));
        Assert.Throws<ArgumentException>(() => NamedTensor.FromBytes("", [], [1]));
        Assert.Throws<ArgumentException>(() => NamedTensor.FromSingles("w", [2, 2], [1f]));
    }

    [Fact]
    public void RewritingAFileReplacesItWhole()
    {
        using var folder = new TempFolder();
        string path = folder.File("m.safetensors");
        var big = new SafetensorsFile([NamedTensor.FromSingles("W", [100, 100], new float[10000])], NoMetadata);
        var small = new SafetensorsFile([NamedTensor.FromSingles("W", [1], [3f])], NoMetadata);
        Safetensors.Write(path, big);
        Safetensors.Write(path, small);
        Assert.Equal(small, Safetensors.Read(path));
        Assert.Equal(["m.safetensors"], folder.Entries());
    }
}
