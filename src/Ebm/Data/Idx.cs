using System.Buffers.Binary;
using System.IO.Compression;
using Ebm.IO;

namespace Ebm.Data;

/// <summary>
/// Reads IDX files (LeCun's format of MNIST and Fashion-MNIST), raw or gzip-compressed. Compression is recognised
/// by the gzip magic bytes 1F 8B, not by the file name, so a renamed file still reads.
/// </summary>
/// <remarks>
/// Layout: bytes 0–1 are zero, byte 2 the element type code (<see cref="IdxElementType"/>), byte 3 the number of
/// dimensions d; then d big-endian 32-bit sizes, then the elements, big-endian, row-major. The file must end right
/// after the last element. Every violation is a <see cref="DataFormatException"/> naming the file, the offset (in the
/// decompressed stream for a gzip file) and the problem.
/// </remarks>
public static class Idx
{
    /// <summary>Reads an IDX file, raw or gzip-compressed.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The array it holds.</returns>
    /// <exception cref="DataFormatException">The file is not a well-formed IDX file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads an IDX array, raw or gzip-compressed, from a stream (an embedded resource, say).</summary>
    /// <param name="stream">The stream, read to its end; the caller keeps ownership.</param>
    /// <param name="name">The name to give in errors and in <see cref="IdxArray.Source"/>.</param>
    /// <returns>The array it holds.</returns>
    /// <exception cref="DataFormatException">The stream is not a well-formed IDX file.</exception>
    public static IdxArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Parse(copy.ToArray(), name);
    }

    /// <summary>The size in bytes of one element of <paramref name="type"/>.</summary>
    /// <param name="type">A defined element type.</param>
    /// <returns>1, 2, 4 or 8.</returns>
    public static int ElementSize(IdxElementType type) => type switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Int16 => 2,
        IdxElementType.Int32 or IdxElementType.Single => 4,
        IdxElementType.Double => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an IDX element type."),
    };

    /// <summary>Parses the bytes of a file (compressed or not); <paramref name="name"/> is used in errors.</summary>
    internal static IdxArray Parse(byte[] file, string name)
    {
        if (file.Length >= 2 && file[0] == 0x1F && file[1] == 0x8B)
        {
            ReadOnlyMemory<byte> plain = Gunzip(file, name);
            return ParseRaw(plain, name, name + " (gzip; offsets are in the decompressed data)");
        }
        return ParseRaw(file, name, name);
    }

    private static ReadOnlyMemory<byte> Gunzip(byte[] compressed, string name)
    {
        // Fashion-MNIST compresses about 1.8:1; starting there saves most of the regrowth copies.
        var plain = new MemoryStream(capacity: (int)Math.Min(Array.MaxLength, 2L * compressed.Length));
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            gzip.CopyTo(plain);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(name + " (gzip; offsets are in the decompressed data)", plain.Length,
                $"corrupt gzip data after {plain.Length} decompressed bytes: {e.Message}", e);
        }
        return new ReadOnlyMemory<byte>(plain.GetBuffer(), 0, (int)plain.Length);
    }

    /// <summary>Parses uncompressed IDX bytes; errors name <paramref name="name"/>, the array's source is <paramref name="source"/>.</summary>
    private static IdxArray ParseRaw(ReadOnlyMemory<byte> memory, string source, string name)
    {
        ReadOnlySpan<byte> bytes = memory.Span;
        if (bytes.Length < 4)
            throw new DataFormatException(name, bytes.Length,
                $"truncated at offset {bytes.Length} of the 4-byte IDX magic (00 00, type code, dimension count)");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new DataFormatException(name, 0,
                $"bad magic {bytes[0]:X2} {bytes[1]:X2} {bytes[2]:X2} {bytes[3]:X2}: an IDX file starts with 00 00, "
                + "a type code and a dimension count" + Hint(bytes));
        var type = (IdxElementType)bytes[2];
        if (!Enum.IsDefined(type))
            throw new DataFormatException(name, 2,
                $"unsupported IDX type code 0x{bytes[2]:X2}; the codes are 0x08 ubyte, 0x09 byte, 0x0B short, "
                + "0x0C int, 0x0D float, 0x0E double");
        int rank = bytes[3];
        if (rank == 0)
            throw new DataFormatException(name, 3, "the dimension count is 0; an IDX array has at least one dimension");
        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw new DataFormatException(name, bytes.Length,
                $"truncated at offset {bytes.Length} of the {headerLength}-byte header ({rank} dimensions)");

        var shape = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(bytes[(4 + 4 * d)..]);
            if (size > int.MaxValue)
                throw new DataFormatException(name, 4 + 4 * d, $"dimension {d} is {size}, more than 2^31 - 1");
            shape[d] = (int)size;
            // Saturating just above the limit keeps the product within a long, and a later 0 still empties the array.
            count = Math.Min(count * size, Array.MaxLength + 1L);
        }
        int elementSize = ElementSize(type);
        if (count > Array.MaxLength / elementSize)
            throw new DataFormatException(name, 4,
                $"dimension overflow: {string.Join(" x ", shape)} elements of {elementSize} bytes exceed the "
                + $"{Array.MaxLength} bytes one array can hold");

        long expected = headerLength + count * elementSize;
        if (bytes.Length < expected)
            throw new DataFormatException(name, bytes.Length,
                $"truncated at offset {bytes.Length} of expected {expected} bytes "
                + $"({string.Join(" x ", shape)} {type} elements after a {headerLength}-byte header)");
        if (bytes.Length > expected)
            throw new DataFormatException(name, expected,
                $"{bytes.Length - expected} trailing bytes after the last element, which ends at offset {expected} "
                + $"({string.Join(" x ", shape)} {type} elements)");
        return new IdxArray(source, type, shape, memory[headerLength..]);
    }

    // The formats people most often pass by mistake, recognised by their own magic bytes.
    private static string Hint(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 6 && bytes[0] == 0x93 && bytes[1..6].SequenceEqual("NUMPY"u8) ? " (this is an .npy file; use npy:FILE)"
        : bytes[0] == (byte)'P' && bytes[1] == (byte)'K' ? " (this is a zip archive)"
        : "";
}
