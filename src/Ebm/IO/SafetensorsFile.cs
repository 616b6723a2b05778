namespace Ebm.IO;

/// <summary>
/// The contents of a safetensors file: named tensors and a string-to-string metadata map (the format's
/// <c>__metadata__</c>; Ebm's keys are in <see cref="ModelFileKeys"/>). Tensors are kept sorted by name, so two
/// files with the same contents compare equal whatever order they were written in.
/// </summary>
public sealed class SafetensorsFile : IEquatable<SafetensorsFile>
{
    private readonly NamedTensor[] tensors;
    private readonly SortedDictionary<string, string> metadata;

    /// <summary>Creates the contents of a file.</summary>
    /// <param name="tensors">The tensors; names must be unique.</param>
    /// <param name="metadata">The metadata; copied.</param>
    public SafetensorsFile(IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(metadata);
        this.tensors = [.. tensors.OrderBy(t => t.Name, StringComparer.Ordinal)];
        for (int i = 1; i < this.tensors.Length; i++)
            if (this.tensors[i].Name == this.tensors[i - 1].Name)
                throw new ArgumentException($"Two tensors are named '{this.tensors[i].Name}'.", nameof(tensors));
        this.metadata = new SortedDictionary<string, string>(metadata.ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>The tensors, sorted by name.</summary>
    public IReadOnlyList<NamedTensor> Tensors => Array.AsReadOnly(tensors);

    /// <summary>The metadata, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Metadata => metadata.AsReadOnly();

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <param name="name">A tensor name.</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="KeyNotFoundException">No tensor has that name; the message lists the names there are.</exception>
    public NamedTensor Tensor(string name) =>
        tensors.FirstOrDefault(t => t.Name == name)
        ?? throw new KeyNotFoundException($"No tensor '{name}'; the file holds {string.Join(", ", tensors.Select(t => t.Name))}.");

    /// <summary>Equal when the tensors and the metadata are.</summary>
    /// <param name="other">The contents to compare with.</param>
    /// <returns>True for the same contents.</returns>
    public bool Equals(SafetensorsFile? other) =>
        other is not null && tensors.SequenceEqual(other.tensors) && metadata.SequenceEqual(other.metadata);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SafetensorsFile);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(tensors.Length, metadata.Count);
}
