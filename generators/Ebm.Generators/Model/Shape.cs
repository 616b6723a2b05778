namespace Ebm.Generators.Model;

/// <summary>
/// A value's rank and its symbolic sizes: none for a scalar, one for a vector, rows then columns for a
/// matrix. In a finished <see cref="ModelSpec"/> each size is an index into <see cref="ModelSpec.Sizes"/>;
/// while the parser runs it is a unification variable.
/// </summary>
internal sealed record Shape(Rank Rank, ImmutableEquatableArray<int> Sizes)
{
    public static Shape Scalar { get; } = new(Rank.Scalar, ImmutableEquatableArray<int>.Empty);

    public static Shape Vector(int length) => new(Rank.Vector, new[] { length }.ToImmutableEquatableArray());

    public static Shape Matrix(int rows, int cols) => new(Rank.Matrix, new[] { rows, cols }.ToImmutableEquatableArray());

    public int Length => Sizes[0];

    public int Rows => Sizes[0];

    public int Cols => Sizes[1];
}
