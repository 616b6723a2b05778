using System.Buffers.Binary;
using System.Text;

namespace Ebm.IO;

/// <summary>
/// An array as stored in an .npy file: element type, shape (0-D, 1-D or 2-D) and the little-endian elements in C
/// (row-major) order, decoded on request. Arrays to write are made with <see cref="FromSingles"/>,
/// <see cref="FromDoubles"/> and <see cref="FromBytes"/>.
/// </summary>
public sealed class NpyArray
{
    private readonly ReadOnlyMemory<byte> payload;
    private readonly int[] shape;

    internal NpyArray(string source, NpyElementType elementType, int itemSize, int[] shape, ReadOnlyMemory<byte> payload)
    {
        Source = source;
        ElementType = elementType;
        ItemSize = itemSize;
        this.shape = shape;
        this.payload = payload;
        Length = shape.Aggregate(1, (a, b) => a * b);
    }

    /// <summary>The file (or <c>archive.npz:member.npy</c>) the array was read from, or where it was made.</summary>
    public string Source { get; }

    /// <summary>The element type.</summary>
    public NpyElementType ElementType { get; }

    /// <summary>The bytes per element: 4, 8, 1, 1, or 4 × the width of a <see cref="NpyElementType.Unicode"/> string.</summary>
    public int ItemSize { get; }

    /// <summary>The dimensions: empty for a 0-D array (one element), one or two sizes otherwise.</summary>
    public IReadOnlyList<int> Shape => Array.AsReadOnly(shape);

    /// <summary>The number of elements: the product of <see cref="Shape"/> (1 for a 0-D array).</summary>
    public int Length { get; }

    /// <summary>The numpy <c>descr</c> of the element type: <c>&lt;f4</c>, <c>&lt;f8</c>, <c>|u1</c>, <c>|b1</c> or <c>&lt;U</c>n.</summary>
    public string Descr => ElementType switch
    {
        NpyElementType.Float32 => "<f4",
        NpyElementType.Float64 => "<f8",
        NpyElementType.UInt8 => "|u1",
        NpyElementType.Bool => "|b1",
        _ => $"<U{ItemSize / 4}",
    };

    /// <summary>An array of floats to write.</summary>
    /// <param name="shape">Zero, one or two sizes whose product is the number of values.</param>
    /// <param name="values">The values, row-major; copied.</param>
    /// <returns>A <see cref="NpyElementType.Float32"/> array.</returns>
    public static NpyArray FromSingles(IReadOnlyList<int> shape, ReadOnlySpan<float> values)
    {
        int[] dims = CheckShape(shape, values.Length);
        var bytes = new byte[4 * values.Length];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        return new NpyArray("(made in memory)", NpyElementType.Float32, 4, dims, bytes);
    }

    /// <summary>An array of doubles to write.</summary>
    /// <param name="shape">Zero, one or two sizes whose product is the number of values.</param>
    /// <param name="values">The values, row-major; copied.</param>
    /// <returns>A <see cref="NpyElementType.Float64"/> array.</returns>
    public static NpyArray FromDoubles(IReadOnlyList<int> shape, ReadOnlySpan<double> values)
    {
        int[] dims = CheckShape(shape, values.Length);
        var bytes = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), values[i]);
        return new NpyArray("(made in memory)", NpyElementType.Float64, 8, dims, bytes);
    }

    /// <summary>An array of bytes to write.</summary>
    /// <param name="shape">Zero, one or two sizes whose product is the number of values.</param>
    /// <param name="values">The values, row-major; copied.</param>
    /// <returns>A <see cref="NpyElementType.UInt8"/> array.</returns>
    public static NpyArray FromBytes(IReadOnlyList<int> shape, ReadOnlySpan<byte> values) =>
        new("(made in memory)", NpyElementType.UInt8, 1, CheckShape(shape, values.Length), values.ToArray());

    /// <summary>The elements as floats: float32 as stored, float64 rounded to nearest, bytes and booleans as their values (0–255, 0 or 1).</summary>
    /// <returns>A new array of <see cref="Length"/> floats.</returns>
    /// <exception cref="InvalidOperationException">The array holds text.</exception>
    public float[] ToSingleArray()
    {
        ReadOnlySpan<byte> bytes = payload.Span;
        var result = new float[Length];
        switch (ElementType)
        {
            case NpyElementType.Float32:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                break;
            case NpyElementType.Float64:
                for (int i = 0; i < result.Length; i++)
                    result[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
                break;
            case NpyElementType.UInt8:
            case NpyElementType.Bool:
                for (int i = 0; i < result.Length; i++)
                    result[i] = bytes[i];
                break;
            default:
                throw new InvalidOperationException($"{Source} holds text ({Descr}), not numbers.");
        }
        return result;
    }

    /// <summary>The elements as doubles, exactly.</summary>
    /// <returns>A new array of <see cref="Length"/> doubles.</returns>
    /// <exception cref="InvalidOperationException">The array holds text.</exception>
    public double[] ToDoubleArray()
    {
        if (ElementType != NpyElementType.Float64)
            return Array.ConvertAll(ToSingleArray(), v => (double)v);
        ReadOnlySpan<byte> bytes = payload.Span;
        var result = new double[Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
        return result;
    }

    /// <summary>The elements of a byte or boolean array, as stored.</summary>
    /// <returns>A new array of <see cref="Length"/> bytes.</returns>
    /// <exception cref="InvalidOperationException">The array holds another element type.</exception>
    public byte[] ToByteArray() => ElementType is NpyElementType.UInt8 or NpyElementType.Bool
        ? payload.ToArray()
        : throw new InvalidOperationException($"{Source} holds {Descr} elements, not bytes.");

    /// <summary>The elements of a text array, each without numpy's trailing NUL padding.</summary>
    /// <returns>A list of <see cref="Length"/> strings.</returns>
    /// <exception cref="InvalidOperationException">The array holds numbers.</exception>
    public IReadOnlyList<string> ToStrings()
    {
        if (ElementType != NpyElementType.Unicode)
            throw new InvalidOperationException($"{Source} holds {Descr} elements, not text.");
        var result = new string[Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = Encoding.UTF32.GetString(payload.Span.Slice(i * ItemSize, ItemSize)).TrimEnd('\0');
        return Array.AsReadOnly(result);
    }

    /// <summary>The raw little-endian elements, for the writer.</summary>
    internal ReadOnlySpan<byte> Payload => payload.Span;

    private static int[] CheckShape(IReadOnlyList<int> shape, int count)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count > 2)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has {shape.Count} dimensions; Ebm writes 0-D, 1-D and 2-D arrays.", nameof(shape));
        long product = 1;
        foreach (int size in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size, nameof(shape));
            product *= size;
        }
        if (product != count)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {product} values, not {count}.", nameof(shape));
        return [.. shape];
    }
}
