using System.Buffers.Binary;

namespace Ebm.IO;

/// <summary>
/// One tensor of a safetensors file: its name, element type, shape and little-endian elements in row-major order.
/// Made with <see cref="FromSingles"/>, <see cref="FromDoubles"/> or <see cref="FromBytes"/>, or read by
/// <see cref="Safetensors.Read(string)"/>; equal when name, type, shape and bytes are.
/// </summary>
public sealed class NamedTensor : IEquatable<NamedTensor>
{
    private readonly int[] shape;
    private readonly ReadOnlyMemory<byte> data;

    internal NamedTensor(string name, TensorDType dType, int[] shape, ReadOnlyMemory<byte> data)
    {
        Name = name;
        DType = dType;
        this.shape = shape;
        this.data = data;
        Length = data.Length / ElementSize(dType);
    }

    /// <summary>The tensor's name, unique within its file (for Ebm's model files: the parameter's name).</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public TensorDType DType { get; }

    /// <summary>The dimensions; empty for a scalar.</summary>
    public IReadOnlyList<int> Shape => Array.AsReadOnly(shape);

    /// <summary>The number of elements: the product of <see cref="Shape"/>.</summary>
    public int Length { get; }

    /// <summary>The bytes of the elements as stored: <see cref="Length"/> × the element size.</summary>
    public ReadOnlyMemory<byte> Data => data;

    /// <summary>The size in bytes of one element of <paramref name="dType"/>.</summary>
    /// <param name="dType">An element type.</param>
    /// <returns>4, 8 or 1.</returns>
    public static int ElementSize(TensorDType dType) => dType switch
    {
        TensorDType.F32 => 4,
        TensorDType.F64 => 8,
        TensorDType.U8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dType), dType, "Not a tensor element type."),
    };

    /// <summary>A float32 tensor.</summary>
    /// <param name="name">The name, not empty and not <c>__metadata__</c>.</param>
    /// <param name="shape">The dimensions (none for a scalar); their product is the number of values.</param>
    /// <param name="values">The values, row-major; copied.</param>
    /// <returns>The tensor.</returns>
    public static NamedTensor FromSingles(string name, IReadOnlyList<int> shape, ReadOnlySpan<float> values)
    {
        int[] dims = Check(name, shape, values.Length);
        var bytes = new byte[4 * values.Length];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        return new NamedTensor(name, TensorDType.F32, dims, bytes);
    }

    /// <summary>A float64 tensor.</summary>
    /// <param name="name">The name, not empty and not <c>__metadata__</c>.</param>
    /// <param name="shape">The dimensions (none for a scalar); their product is the number of values.</param>
    /// <param name="values">The values, row-major; copied.</param>
    /// <returns>The tensor.</returns>
    public static NamedTensor FromDoubles(string name, IReadOnlyList<int> shape, ReadOnlySpan<double> values)
    {
        int[] dims = Check(name, shape, values.Length);
        var bytes = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), values[i]);
        return new NamedTensor(name, TensorDType.F64, dims, bytes);
    }

    /// <summary>A uint8 tensor.</summary>
    /// <param name="name">The name, not empty and not <c>__metadata__</c>.</param>
    /// <param name="shape">The dimensions (none for a scalar); their product is the number of values.</param>
    /// <param name="values">The values, row-major; copied.</param>
    /// <returns>The tensor.</returns>
    public static NamedTensor FromBytes(string name, IReadOnlyList<int> shape, ReadOnlySpan<byte> values) =>
        new(name, TensorDType.U8, Check(name, shape, values.Length), values.ToArray());

    /// <summary>The elements as floats: F32 as stored, F64 rounded to nearest, U8 as their values.</summary>
    /// <returns>A new array of <see cref="Length"/> floats.</returns>
    public float[] ToSingleArray()
    {
        ReadOnlySpan<byte> bytes = data.Span;
        var result = new float[Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = DType switch
            {
                TensorDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]),
                TensorDType.F64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]),
                _ => bytes[i],
            };
        return result;
    }

    /// <summary>The elements as doubles, exactly.</summary>
    /// <returns>A new array of <see cref="Length"/> doubles.</returns>
    public double[] ToDoubleArray()
    {
        ReadOnlySpan<byte> bytes = data.Span;
        var result = new double[Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = DType switch
            {
                TensorDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]),
                TensorDType.F64 => BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]),
                _ => bytes[i],
            };
        return result;
    }

    /// <summary>The elements of a U8 tensor.</summary>
    /// <returns>A new array of <see cref="Length"/> bytes.</returns>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public byte[] ToByteArray() => DType == TensorDType.U8
        ? data.ToArray()
        : throw new InvalidOperationException($"Tensor '{Name}' holds {DType} elements, not U8.");

    /// <summary>Equal when name, element type, shape and every byte are.</summary>
    /// <param name="other">The tensor to compare with.</param>
    /// <returns>True for the same tensor contents.</returns>
    public bool Equals(NamedTensor? other) =>
        other is not null && Name == other.Name && DType == other.DType && shape.AsSpan().SequenceEqual(other.shape)
        && data.Span.SequenceEqual(other.data.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NamedTensor);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, DType, Length);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {DType}[{string.Join(", ", shape)}]";

    private static int[] Check(string name, IReadOnlyList<int> shape, int count)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        if (name.Length == 0 || name == Safetensors.MetadataKey)
            throw new ArgumentException($"'{name}' cannot name a tensor.", nameof(name));
        long product = 1;
        foreach (int size in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size, nameof(shape));
            product = Math.Min(product * size, int.MaxValue + 1L); // saturates, so any rank stays within a long
        }
        if (product != count)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] of tensor '{name}' holds {product} values, not {count}.", nameof(shape));
        return [.. shape];
    }
}
