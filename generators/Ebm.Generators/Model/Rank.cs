namespace Ebm.Generators.Model;

/// <summary>The DSL type of a value: Scalar, Vec or Mat.</summary>
internal enum Rank
{
    Scalar,
    Vector,
    Matrix,
}
