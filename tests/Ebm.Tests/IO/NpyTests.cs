using System.Buffers.Binary;
using System.Text;
using Ebm.IO;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Tests.IO;

/// <summary>The .npy reader on numpy's own files and on broken ones; the writer against numpy's bytes.</summary>
public class NpyTests
{
    [Fact]
    public void ReadsTheFilesNumpyWrites()
    {
        NpyArray f4 = Npy.Read(Fixtures.File("f4-2d.npy"));
        Assert.Equal(NpyElementType.Float32, f4.ElementType);
        Assert.Equal([2, 3], f4.Shape);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => i / 8f - 0.5f), f4.ToSingleArray());

        NpyArray f8 = Npy.Read(Fixtures.File("f8-1d.npy"));
        Assert.Equal([3], f8.Shape);
        Assert.Equal([Math.PI, -1e300, 5e-324], f8.ToDoubleArray());

        NpyArray u1 = Npy.Read(Fixtures.File("u1-2d.npy"));
        Assert.Equal([3, 4], u1.Shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (byte)(20 * i)), u1.ToByteArray());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 20f * i), u1.ToSingleArray());

        NpyArray b1 = Npy.Read(Fixtures.File("b1-1d.npy"));
        Assert.Equal(NpyElementType.Bool, b1.ElementType);
        Assert.Equal([1f, 0f, 1f], b1.ToSingleArray());

        NpyArray text = Npy.Read(Fixtures.File("u-0d.npy"));
        Assert.Empty(text.Shape);
        Assert.Equal(1, text.Length);
        Assert.Equal(["héllo"], text.ToStrings());
        Assert.Throws<InvalidOperationException>(() => text.ToSingleArray());

        Assert.Equal([0f, 1f, 2f, 3f], Npy.Read(Fixtures.File("f4-v2.npy")).ToSingleArray());
        // np.asfortranarray(arange(6).reshape(2, 3)) is stored column by column and read back row by row.
        NpyArray fortran = Npy.Read(Fixtures.File("fortran.npy"));
        Assert.Equal([2, 3], fortran.Shape);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], fortran.ToSingleArray());
        Assert.Equal([0f, 1f, 2f, 3f], Npy.Read(Fixtures.File("f4-v3.npy")).ToSingleArray());
    }

    [Theory]
    [InlineData("big-endian.npy", "big-endian dtype '>f4' is not supported")]
    [InlineData("int64.npy", "unsupported dtype '<i8'")]
    [InlineData("3d.npy", "3 dimensions; Ebm reads 0-D, 1-D and 2-D arrays")]
    public void RefusesNumpyFilesOfUnsupportedLayouts(string file, string problem)
    {
        var e = Assert.Throws<DataFormatException>(() => Npy.Read(Fixtures.File(file)));
        Assert.Equal(Fixtures.File(file), e.FilePath);
        Assert.Equal(10, e.Offset);
        Assert.Contains(problem, e.Problem);
    }

    private static byte[] File(string header, int dataBytes, byte major = 1)
    {
        byte[] text = Encoding.Latin1.GetBytes(header);
        int prefix = major == 1 ? 10 : 12;
        var bytes = new byte[prefix + text.Length + dataBytes];
        bytes[0] = 0x93;
        "NUMPY"u8.CopyTo(bytes.AsSpan(1));
        bytes[6] = major;
        if (major == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)text.Length);
        text.CopyTo(bytes, prefix);
        return bytes;
    }

    private const string Good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }\n";

    public static TheoryData<string, byte[], long, string> Malformed => new()
    {
        { "empty", [], 0, "truncated at offset 0 of the 10-byte .npy preamble" },
        { "bad magic", [.. "PK\x03\x04xxxxxxxx"u8], 0, "bad magic 504B03047878" },
        { "version 4", [.. File(Good, 24)[..6], 4, 0, .. File(Good, 24)[8..]], 6, "unsupported .npy format version 4.0" },
        { "header past end", File(Good, 24)[..40], 8, "header length 60 runs past the end of the file: the header would end at offset 70 of 40" },
        { "not a dict", File("['descr']\n", 0), 10, "the header is not a Python dict literal" },
        { "unterminated string", File("{'descr: 1}\n", 0), 11, "unterminated string in the header" },
        { "duplicate key", File("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}", 4), 27, "the key 'descr' appears twice" },
        { "missing shape", File("{'descr': '<f4', 'fortran_order': False}\n", 4), 10, "the header has no 'shape'" },
        { "extra key", File("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}\n", 4), 10, "unexpected header key 'x'" },
        { "garbage value", File("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,)}\n", 4), 44, "unexpected 'M' in the header" },
        { "text after dict", File("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} x\n", 4), 66, "unexpected 'x' after the header dict" },
        { "fortran order not a bool", File("{'descr': '<f4', 'fortran_order': 1, 'shape': (1,)}\n", 4), 10, "fortran_order is not True or False" },
        { "shape of strings", File("{'descr': '<f4', 'fortran_order': False, 'shape': ('a',)}\n", 4), 10, "the shape is not a tuple of integers" },
        { "negative dimension", File("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}\n", 4), 10, "dimension 0 is -1" },
        { "structured dtype", File("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}\n", 4), 10, "structured dtypes" },
        { "dimension overflow", File("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647)}\n", 0), 10, "dimension overflow" },
        { "truncated data", File(Good, 23), 93, "truncated at offset 93 of expected 94 bytes" },
        { "trailing bytes", File(Good, 26), 94, "2 trailing bytes after the last element, which ends at offset 94" },
        { "truncated version 2 preamble", [.. File(Good, 0, 2)[..11]], 11, "truncated at offset 11 of the 12-byte .npy preamble" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedFilesNameTheFileTheOffsetAndTheProblem(string what, byte[] bytes, long offset, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.File(what.Replace(' ', '-') + ".npy");
        System.IO.File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => Npy.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(problem, e.Problem);
        Assert.Equal(offset, e.Offset);
    }

    [Theory]
    [InlineData("f4-2d.npy")]
    [InlineData("f8-1d.npy")]
    [InlineData("u1-2d.npy")]
    public void TheWriterReproducesNumpysBytes(string file)
    {
        NpyArray original = Npy.Read(Fixtures.File(file));
        NpyArray made = original.ElementType switch
        {
            NpyElementType.Float32 => NpyArray.FromSingles(original.Shape, original.ToSingleArray()),
            NpyElementType.Float64 => NpyArray.FromDoubles(original.Shape, original.ToDoubleArray()),
            _ => NpyArray.FromBytes(original.Shape, original.ToByteArray()),
        };
        using var folder = new TempFolder();
        Npy.Write(folder.File(file), made);
        Assert.Equal(System.IO.File.ReadAllBytes(Fixtures.File(file)), System.IO.File.ReadAllBytes(folder.File(file)));
        Assert.Equal([file], folder.Entries());
    }

    [Property(MaxTest = 80)]
    public Property FloatArraysOfAnyShapeRoundTrip()
    {
        Gen<int[]> shapes = Gen.Choose(0, 2).SelectMany(rank => Gen.Choose(0, 6).ArrayOf(rank));
        return Prop.ForAll(shapes.ToArbitrary(), ArbMap.Default.ArbFor<NormalFloat>().Generator.ArrayOf(40).ToArbitrary(), (shape, pool) =>
        {
            int count = shape.Aggregate(1, (a, b) => a * b);
            float[] values = Enumerable.Range(0, count).Select(i => (float)pool[i % pool.Length].Get).ToArray();
            byte[] bytes = Npy.Encode(NpyArray.FromSingles(shape, values));
            Assert.Equal(0, (bytes.Length - values.Length * 4) % 64);
            NpyArray read = Npy.Read(new MemoryStream(bytes), "round trip");
            Assert.Equal(shape, read.Shape);
            Assert.Equal(values, read.ToSingleArray());
        });
    }

    [Fact]
    public void ArraysToWriteCheckTheirShape()
    {
        Assert.Throws<ArgumentException>(() => NpyArray.FromSingles([2, 2], new float[3]));
        Assert.Throws<ArgumentException>(() => NpyArray.FromSingles([1, 1, 1], new float[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpyArray.FromBytes([-1], []));
    }
}
