namespace Ebm.Dsl;

/// <summary>Whether a parameter is a <see cref="Scalar"/>, a <see cref="Vec"/> or a <see cref="Mat"/>.</summary>
public enum ParameterRank
{
    /// <summary>A <see cref="Dsl.Scalar"/>: no size.</summary>
    Scalar,

    /// <summary>A <see cref="Vec"/>: one size.</summary>
    Vector,

    /// <summary>A <see cref="Mat"/>: two sizes, rows then columns.</summary>
    Matrix,
}
