using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace Ebm.IO;

/// <summary>
/// Reads and writes numpy's .npy files (format versions 1.0, 2.0 and 3.0): little-endian float32, float64, uint8
/// and bool arrays with 0, 1 or 2 dimensions, and fixed-width text (as in the metadata of an .npz). Arrays stored in
/// Fortran order are read into C (row-major) order; the writer writes C order.
/// </summary>
/// <remarks>
/// Layout: the magic <c>\x93NUMPY</c>, a major and a minor version byte, the header length (2 bytes little-endian
/// in version 1, 4 bytes in versions 2 and 3), the header (a Python dict literal with the keys <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>, padded with spaces and a newline), then the elements. The file must end
/// with the last element. Anything else is a <see cref="DataFormatException"/> naming the file, offset and problem.
/// </remarks>
public static class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads an .npy file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The array.</returns>
    /// <exception cref="DataFormatException">The file is not a well-formed .npy file of a supported type.</exception>
    public static NpyArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads an .npy array from a stream, to its end.</summary>
    /// <param name="stream">The stream; the caller keeps ownership.</param>
    /// <param name="name">The name to give in errors and in <see cref="NpyArray.Source"/>.</param>
    /// <returns>The array.</returns>
    /// <exception cref="DataFormatException">The stream is not a well-formed .npy file of a supported type.</exception>
    public static NpyArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Parse(copy.ToArray(), name);
    }

    /// <summary>
    /// Writes an array as an .npy file of version 1.0 (2.0 if the header would not fit), the way
    /// <c>np.save</c> does: header padded so that the data starts at a multiple of 64 bytes. The write is atomic
    /// (<see cref="AtomicFile"/>).
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="array">The array.</param>
    public static void Write(string path, NpyArray array)
    {
        byte[] bytes = Encode(array);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>The bytes of an .npy file holding <paramref name="array"/>, as <see cref="Write"/> writes them.</summary>
    /// <param name="array">The array.</param>
    /// <returns>The file's bytes (for an .npz member or a stream, say).</returns>
    public static byte[] Encode(NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        string shape = array.Shape.Count switch
        {
            0 => "()",
            1 => Invariant($"({array.Shape[0]},)"),
            _ => "(" + string.Join(", ", array.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")",
        };
        string dict = $"{{'descr': '{array.Descr}', 'fortran_order': False, 'shape': {shape}, }}";
        int version = dict.Length + 1 + 10 <= ushort.MaxValue ? 1 : 2;
        int prefix = version == 1 ? 10 : 12;
        int padded = (prefix + dict.Length + 1 + 63) / 64 * 64 - prefix;
        string header = dict.PadRight(padded - 1) + "\n";

        var head = new byte[prefix];
        Magic.CopyTo(head, 0);
        head[6] = (byte)version;
        if (version == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(8), (ushort)header.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(8), (uint)header.Length);
        return [.. head, .. Encoding.Latin1.GetBytes(header), .. array.Payload];
    }

    internal static NpyArray Parse(byte[] file, string name)
    {
        if (file.Length < 10)
            throw new DataFormatException(name, file.Length, $"truncated at offset {file.Length} of the 10-byte .npy preamble");
        if (!file.AsSpan(0, 6).SequenceEqual(Magic))
            throw new DataFormatException(name, 0, $"bad magic {Convert.ToHexString(file, 0, 6)}: an .npy file starts with 93 4E 55 4D 50 59 (\\x93NUMPY)");
        byte major = file[6];
        if (major is < 1 or > 3)
            throw new DataFormatException(name, 6, $"unsupported .npy format version {major}.{file[7]}; Ebm reads versions 1.0, 2.0 and 3.0");
        int prefix = major == 1 ? 10 : 12;
        if (file.Length < prefix)
            throw new DataFormatException(name, file.Length, $"truncated at offset {file.Length} of the {prefix}-byte .npy preamble");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8)) : BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8));
        if (prefix + headerLength > file.Length)
            throw new DataFormatException(name, 8,
                $"header length {headerLength} runs past the end of the file: the header would end at offset {prefix + headerLength} of {file.Length}");

        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(file, prefix, (int)headerLength);
        IReadOnlyDictionary<string, object> header = NpyHeader.Parse(text, name, prefix);
        (NpyElementType type, int itemSize) = ElementType(Field(header, "descr", name, prefix), name, prefix);
        if (Field(header, "fortran_order", name, prefix) is not bool fortranOrder)
            throw new DataFormatException(name, prefix, "fortran_order is not True or False");
        int[] shape = Shape(Field(header, "shape", name, prefix), name, prefix);
        foreach (string key in header.Keys)
            if (key is not ("descr" or "fortran_order" or "shape"))
                throw new DataFormatException(name, prefix, $"unexpected header key '{key}'; an .npy header has descr, fortran_order and shape");

        long count = shape.Aggregate(1L, (a, b) => a * b);
        long dataStart = prefix + headerLength;
        if (count > Array.MaxLength / itemSize)
            throw new DataFormatException(name, prefix, $"dimension overflow: shape ({string.Join(", ", shape)}) of {itemSize}-byte elements exceeds {Array.MaxLength} bytes");
        long expected = dataStart + count * itemSize;
        if (file.Length < expected)
            throw new DataFormatException(name, file.Length,
                $"truncated at offset {file.Length} of expected {expected} bytes ({string.Join(" x ", shape)} elements of {itemSize} bytes after a {dataStart}-byte header)");
        if (file.Length > expected)
            throw new DataFormatException(name, expected,
                $"{file.Length - expected} trailing bytes after the last element, which ends at offset {expected}");
        ReadOnlyMemory<byte> payload = file.AsMemory((int)dataStart, (int)(count * itemSize));
        // scikit-learn's components_ come out of a transposed product in Fortran order; store every array in C order.
        if (fortranOrder && shape.Length == 2)
            payload = ToCOrder(payload.Span, shape[0], shape[1], itemSize);
        return new NpyArray(name, type, itemSize, shape, payload);
    }

    /// <summary>
    /// Element (i, j) of a column-major rows × columns array is item j·rows + i; it moves to i·columns + j. The byte
    /// count was checked against the largest array, so the int products cannot overflow.
    /// </summary>
    private static byte[] ToCOrder(ReadOnlySpan<byte> columnMajor, int rows, int columns, int itemSize)
    {
        var rowMajor = new byte[columnMajor.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                columnMajor.Slice((j * rows + i) * itemSize, itemSize).CopyTo(rowMajor.AsSpan((i * columns + j) * itemSize));
        return rowMajor;
    }

    private static object Field(IReadOnlyDictionary<string, object> header, string key, string name, long offset) =>
        header.TryGetValue(key, out object? value)
            ? value
            : throw new DataFormatException(name, offset, $"the header has no '{key}'; an .npy header has descr, fortran_order and shape");

    private static (NpyElementType, int) ElementType(object descr, string name, long offset)
    {
        if (descr is not string d)
            throw new DataFormatException(name, offset, "structured dtypes (a list as descr) are not supported; Ebm reads <f4, <f8, |u1, |b1 and <U");
        switch (d)
        {
            case "<f4":
                return (NpyElementType.Float32, 4);
            case "<f8":
                return (NpyElementType.Float64, 8);
            case "|u1" or "<u1" or ">u1" or "=u1":
                return (NpyElementType.UInt8, 1);
            case "|b1":
                return (NpyElementType.Bool, 1);
        }
        if (d.StartsWith("<U", StringComparison.Ordinal) && int.TryParse(d.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            && width is > 0 and <= int.MaxValue / 4)
            return (NpyElementType.Unicode, 4 * width);
        if (d.StartsWith('>'))
            throw new DataFormatException(name, offset, $"big-endian dtype '{d}' is not supported; save with a little-endian dtype such as '<{d[1..]}'");
        throw new DataFormatException(name, offset, $"unsupported dtype '{d}'; Ebm reads <f4, <f8, |u1, |b1 and <U");
    }

    private static int[] Shape(object shape, string name, long offset)
    {
        if (shape is not List<object> dims || dims.Any(d => d is not long))
            throw new DataFormatException(name, offset, "the shape is not a tuple of integers");
        if (dims.Count > 2)
            throw new DataFormatException(name, offset, $"the array has {dims.Count} dimensions; Ebm reads 0-D, 1-D and 2-D arrays");
        var result = new int[dims.Count];
        for (int i = 0; i < result.Length; i++)
        {
            long d = (long)dims[i];
            if (d is < 0 or > int.MaxValue)
                throw new DataFormatException(name, offset, $"dimension {i} is {d}, outside 0 to 2^31 - 1");
            result[i] = (int)d;
        }
        return result;
    }
}
