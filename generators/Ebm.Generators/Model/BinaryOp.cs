namespace Ebm.Generators.Model;

/// <summary>
/// A binary operator of the DSL, resolved by operand rank: <c>*</c> is <see cref="MatVec"/> for
/// Mat * Vec, <see cref="VecMat"/> for Vec * Mat and elementwise <see cref="Multiply"/> otherwise.
/// Broadcasting (a Scalar, or a Vec over a Mat's rows) is read from the operands' shapes.
/// </summary>
internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    MatVec,
    VecMat,
}
