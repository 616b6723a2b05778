namespace Ebm;

/// <summary>A parameter of an energy model: a parameter of <c>Energy</c> that is not a state.</summary>
/// <param name="Name">The parameter's name in <c>Energy</c>.</param>
/// <param name="Rank">Scalar, vector or matrix.</param>
/// <param name="Shape">Its symbolic sizes, each one of <see cref="ModelDescription.Sizes"/>: none for a scalar, one for a vector, rows then columns for a matrix.</param>
/// <param name="IsTrainable">False for a parameter marked <c>[Const]</c>.</param>
public sealed record ModelParameter(string Name, ParameterRank Rank, IReadOnlyList<string> Shape, bool IsTrainable)
{
    /// <summary>Its symbolic sizes (a read-only copy of what was given).</summary>
    public IReadOnlyList<string> Shape { get; init => field = Sequences.Freeze(value, nameof(Shape)); } = Sequences.Freeze(Shape, nameof(Shape));

    /// <summary>Equal when every member is, the shape compared entry by entry.</summary>
    public bool Equals(ModelParameter? other) =>
        other is not null && Name == other.Name && Rank == other.Rank && IsTrainable == other.IsTrainable && Shape.SequenceEqual(other.Shape);

    /// <summary>Consistent with <see cref="Equals(ModelParameter)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Name, Rank, IsTrainable, Sequences.Hash(Shape));
}
