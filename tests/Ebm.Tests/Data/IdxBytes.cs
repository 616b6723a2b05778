using System.Buffers.Binary;
using System.IO.Compression;

namespace Ebm.Tests.Data;

/// <summary>IDX files built byte by byte from the format's definition, independently of the reader.</summary>
internal static class IdxBytes
{
    public static byte[] Header(byte typeCode, params int[] dims)
    {
        var header = new byte[4 + 4 * dims.Length];
        header[2] = typeCode;
        header[3] = (byte)dims.Length;
        for (int d = 0; d < dims.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), dims[d]);
        return header;
    }

    public static byte[] UnsignedBytes(byte[] values, params int[] dims) => [.. Header(0x08, dims), .. values];

    public static byte[] SignedBytes(sbyte[] values, params int[] dims) => [.. Header(0x09, dims), .. values.Select(v => (byte)v)];

    public static byte[] Int16(short[] values, params int[] dims) =>
        [.. Header(0x0B, dims), .. values.SelectMany(v => Encode(2, b => BinaryPrimitives.WriteInt16BigEndian(b, v)))];

    public static byte[] Int32(int[] values, params int[] dims) =>
        [.. Header(0x0C, dims), .. values.SelectMany(v => Encode(4, b => BinaryPrimitives.WriteInt32BigEndian(b, v)))];

    public static byte[] Single(float[] values, params int[] dims) =>
        [.. Header(0x0D, dims), .. values.SelectMany(v => Encode(4, b => BinaryPrimitives.WriteSingleBigEndian(b, v)))];

    public static byte[] Double(double[] values, params int[] dims) =>
        [.. Header(0x0E, dims), .. values.SelectMany(v => Encode(8, b => BinaryPrimitives.WriteDoubleBigEndian(b, v)))];

    public static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(plain);
        return output.ToArray();
    }

    private static byte[] Encode(int size, Action<Span<byte>> write)
    {
        var bytes = new byte[size];
        write(bytes);
        return bytes;
    }
}
