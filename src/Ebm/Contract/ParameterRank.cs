namespace Ebm;

/// <summary>Whether a parameter is a DSL <c>Scalar</c>, <c>Vec</c> or <c>Mat</c>.</summary>
public enum ParameterRank
{
    /// <summary>A <c>Scalar</c>: no size.</summary>
    Scalar,

    /// <summary>A <c>Vec</c>: one size.</summary>
    Vector,

    /// <summary>A <c>Mat</c>: two sizes, rows then columns, stored row-major.</summary>
    Matrix,
}
