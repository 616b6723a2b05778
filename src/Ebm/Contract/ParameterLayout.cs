namespace Ebm;

/// <summary>
/// A trainable parameter's place in the flat parameter vector: entries
/// [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Length"/>), a matrix row-major.
/// </summary>
/// <param name="Name">The parameter's name in <c>Energy</c>.</param>
/// <param name="Rank">Scalar, vector or matrix.</param>
/// <param name="Shape">Its concrete sizes: none for a scalar, the length of a vector, rows then columns of a matrix.</param>
/// <param name="Offset">The index of its first entry in the flat vector.</param>
/// <param name="Length">Its number of entries (1 for a scalar).</param>
public sealed record ParameterLayout(string Name, ParameterRank Rank, IReadOnlyList<int> Shape, int Offset, int Length)
{
    /// <summary>Its concrete sizes (a read-only copy of what was given).</summary>
    public IReadOnlyList<int> Shape { get; init => field = Sequences.Freeze(value, nameof(Shape)); } = Sequences.Freeze(Shape, nameof(Shape));

    /// <summary>Equal when every member is, the shape compared entry by entry.</summary>
    public bool Equals(ParameterLayout? other) =>
        other is not null && Name == other.Name && Rank == other.Rank && Offset == other.Offset && Length == other.Length
        && Shape.SequenceEqual(other.Shape);

    /// <summary>Consistent with <see cref="Equals(ParameterLayout)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Name, Rank, Offset, Length, Sequences.Hash(Shape));
}
