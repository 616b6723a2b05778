using System.Buffers.Binary;

namespace Ebm.Data;

/// <summary>
/// The contents of one IDX file: its element type, its dimensions and its elements in row-major order (the last
/// dimension varies fastest). The elements are kept as the file's big-endian bytes and decoded on request, so an
/// array of 47 million bytes is not copied until a caller asks for a type.
/// </summary>
public sealed class IdxArray
{
    private readonly ReadOnlyMemory<byte> payload;
    private readonly int[] shape;

    internal IdxArray(string source, IdxElementType elementType, int[] shape, ReadOnlyMemory<byte> payload)
    {
        Source = source;
        ElementType = elementType;
        this.shape = shape;
        this.payload = payload;
        Length = payload.Length / Idx.ElementSize(elementType);
    }

    /// <summary>The file (or resource) the array was read from.</summary>
    public string Source { get; }

    /// <summary>The element type, from byte 2 of the file.</summary>
    public IdxElementType ElementType { get; }

    /// <summary>The dimensions, outermost first (for the Fashion-MNIST images: count, 28, 28).</summary>
    public IReadOnlyList<int> Shape => Array.AsReadOnly(shape);

    /// <summary>The number of elements: the product of <see cref="Shape"/>.</summary>
    public int Length { get; }

    /// <summary>The elements of an <see cref="IdxElementType.UnsignedByte"/> array, as stored.</summary>
    /// <returns>A new array of <see cref="Length"/> bytes.</returns>
    /// <exception cref="InvalidOperationException">The array holds another element type.</exception>
    public byte[] ToByteArray()
    {
        if (ElementType != IdxElementType.UnsignedByte)
            throw new InvalidOperationException($"{Source} holds {ElementType} elements, not unsigned bytes.");
        return payload.ToArray();
    }

    /// <summary>The elements of an integer array (<see cref="IdxElementType.UnsignedByte"/>, <see cref="IdxElementType.SignedByte"/>, <see cref="IdxElementType.Int16"/>, <see cref="IdxElementType.Int32"/>) as 32-bit integers.</summary>
    /// <returns>A new array of <see cref="Length"/> integers.</returns>
    /// <exception cref="InvalidOperationException">The array holds floating-point elements.</exception>
    public int[] ToInt32Array()
    {
        ReadOnlySpan<byte> bytes = payload.Span;
        var result = new int[Length];
        switch (ElementType)
        {
            case IdxElementType.UnsignedByte:
                for (int i = 0; i < result.Length; i++)
                    result[i] = bytes[i];
                break;
            case IdxElementType.SignedByte:
                for (int i = 0; i < result.Length; i++)
                    result[i] = (sbyte)bytes[i];
                break;
            case IdxElementType.Int16:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadInt16BigEndian(bytes[(2 * i)..]);
                break;
            case IdxElementType.Int32:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * i)..]);
                break;
            default:
                throw new InvalidOperationException($"{Source} holds {ElementType} elements, not integers.");
        }
        return result;
    }

    /// <summary>
    /// The elements converted to float: integers exactly (every value of these types is a float), doubles rounded
    /// to the nearest float. Bytes are not scaled; the Fashion-MNIST loader divides by 255 itself.
    /// </summary>
    /// <returns>A new array of <see cref="Length"/> floats.</returns>
    public float[] ToSingleArray()
    {
        ReadOnlySpan<byte> bytes = payload.Span;
        var result = new float[Length];
        switch (ElementType)
        {
            case IdxElementType.Single:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * i)..]);
                break;
            case IdxElementType.Double:
                for (int i = 0; i < result.Length; i++)
                    result[i] = (float)BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * i)..]);
                break;
            case IdxElementType.UnsignedByte:
                for (int i = 0; i < result.Length; i++)
                    result[i] = bytes[i];
                break;
            case IdxElementType.Int32:
                // A 32-bit integer need not be a float; round it once, from the integer.
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * i)..]);
                break;
            default:
                int[] integers = ToInt32Array();
                for (int i = 0; i < result.Length; i++)
                    result[i] = integers[i];
                break;
        }
        return result;
    }

    /// <summary>The elements converted to double, exactly for every element type.</summary>
    /// <returns>A new array of <see cref="Length"/> doubles.</returns>
    public double[] ToDoubleArray()
    {
        ReadOnlySpan<byte> bytes = payload.Span;
        var result = new double[Length];
        switch (ElementType)
        {
            case IdxElementType.Single:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * i)..]);
                break;
            case IdxElementType.Double:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * i)..]);
                break;
            default:
                int[] integers = ToInt32Array();
                for (int i = 0; i < result.Length; i++)
                    result[i] = integers[i];
                break;
        }
        return result;
    }

    /// <summary>The raw payload, for readers in this assembly that decode bytes themselves.</summary>
    internal ReadOnlySpan<byte> Payload => payload.Span;
}
