namespace Ebm.Data;

/// <summary>
/// A data matrix: <see cref="Rows"/> items of <see cref="Columns"/> float32 values each, row-major, with optional
/// integer labels and a description of where the values came from. Images keep their item shape (28 × 28) so that
/// plots can lay them out; the models see a row of 784 values.
/// </summary>
/// <remarks>
/// The values are a <see cref="ReadOnlyMemory{T}"/> because trainers read rows as spans in their hot loops; labels,
/// read by people and plots, are a plain list. The loaders of this namespace never share the arrays behind a
/// dataset with anyone, so a dataset they return does not change.
/// </remarks>
public sealed record Dataset
{
    private readonly int[] itemShape;

    /// <summary>Creates a dataset; the item shape's product is the row length.</summary>
    /// <param name="name">A short name (<c>fashion-mnist train</c>, <c>moons</c>).</param>
    /// <param name="itemShape">The shape of one item, e.g. [28, 28] or [2]; every size positive.</param>
    /// <param name="values">Rows × product(itemShape) values, row-major. The dataset keeps this memory, not a copy.</param>
    /// <param name="labels">One label per row, or an empty list for unlabelled data.</param>
    /// <param name="source">Where the values came from: a path, a resource, or a generator with its parameters.</param>
    public Dataset(string name, IReadOnlyList<int> itemShape, ReadOnlyMemory<float> values, IReadOnlyList<int> labels, string source)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(itemShape);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        if (itemShape.Count == 0)
            throw new ArgumentException("An item has at least one dimension.", nameof(itemShape));
        long columns = 1;
        foreach (int size in itemShape)
        {
            if (size <= 0)
                throw new ArgumentException($"Item shape [{string.Join(", ", itemShape)}] has a size that is not positive.", nameof(itemShape));
            columns *= size;
            if (columns > int.MaxValue)
                throw new ArgumentException($"Item shape [{string.Join(", ", itemShape)}] is too large.", nameof(itemShape));
        }
        if (values.Length % columns != 0)
            throw new ArgumentException($"{values.Length} values are not whole rows of {columns}.", nameof(values));
        int rows = (int)(values.Length / columns);
        if (labels.Count != 0 && labels.Count != rows)
            throw new ArgumentException($"{labels.Count} labels for {rows} rows.", nameof(labels));
        Name = name;
        this.itemShape = [.. itemShape];
        Values = values;
        Labels = labels.ToArray().AsReadOnly();
        Source = source;
        Columns = (int)columns;
        Rows = rows;
    }

    /// <summary>A short name (<c>fashion-mnist train</c>, <c>moons</c>).</summary>
    public string Name { get; }

    /// <summary>The shape of one item ([28, 28] for an image, [2] for a point of a 2-D toy set).</summary>
    public IReadOnlyList<int> ItemShape => Array.AsReadOnly(itemShape);

    /// <summary>The number of items.</summary>
    public int Rows { get; }

    /// <summary>The values per item: the product of <see cref="ItemShape"/>.</summary>
    public int Columns { get; }

    /// <summary>The values, <see cref="Rows"/> × <see cref="Columns"/>, row-major.</summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <summary>One label per row (the class of an image, the component of a mixture), or empty.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Where the values came from: a path, a resource, or a generator with its parameters.</summary>
    public string Source { get; }

    /// <summary>The values of row <paramref name="row"/>.</summary>
    /// <param name="row">0 ≤ row &lt; <see cref="Rows"/>.</param>
    /// <returns>A span of <see cref="Columns"/> values.</returns>
    public ReadOnlySpan<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return Values.Span.Slice(row * Columns, Columns);
    }

    /// <summary>The first <paramref name="rows"/> items (all of them if there are fewer), sharing this dataset's memory.</summary>
    /// <param name="rows">The number of items to keep, at least 0.</param>
    /// <returns>A dataset of min(rows, <see cref="Rows"/>) items with the same name, shape and source.</returns>
    public Dataset Head(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int kept = Math.Min(rows, Rows);
        IReadOnlyList<int> labels = Labels.Count == 0 ? Labels : Labels.Take(kept).ToArray();
        return new Dataset(Name, itemShape, Values[..(kept * Columns)], labels, Source);
    }

    /// <summary>Equal when the name, source, item shape, labels and every value are (values compared with
    /// <see cref="float.Equals(float)"/>, so NaN equals NaN and 0 equals −0).</summary>
    /// <param name="other">The dataset to compare with.</param>
    /// <returns>True when the two hold the same data.</returns>
    public bool Equals(Dataset? other) =>
        other is not null && Name == other.Name && Source == other.Source && itemShape.AsSpan().SequenceEqual(other.itemShape)
        && Labels.SequenceEqual(other.Labels) && Values.Span.SequenceEqual(other.Values.Span);

    /// <summary>A hash of the name and the sizes; equal datasets have equal hashes.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Name, Rows, Columns);

    /// <summary>The same items with other values of the same shape (a binarised copy, say).</summary>
    /// <param name="values">Rows × columns new values; the dataset keeps this memory.</param>
    /// <param name="source">The new description of where the values came from.</param>
    /// <returns>A dataset with this one's name, item shape and labels.</returns>
    public Dataset WithValues(ReadOnlyMemory<float> values, string source)
    {
        if (values.Length != Values.Length)
            throw new ArgumentException($"{values.Length} values for a dataset of {Values.Length}.", nameof(values));
        return new Dataset(Name, itemShape, values, Labels, source);
    }
}
