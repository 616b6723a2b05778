namespace Ebm.Generators.Ir;

/// <summary>
/// The operations of the IR: the DSL's operations, plus the few that only derivatives need (Sign, the
/// explicit broadcasts and Outer). Binary elementwise operations broadcast as the DSL does: a Scalar over
/// anything, a Vec over a Mat's rows (indexed by the column).
/// </summary>
internal enum IrOp
{
    // leaves
    Input,
    Constant,

    // elementwise
    Negate,
    Add,
    Subtract,
    Multiply,
    Divide,
    Exp,
    Log,
    Log1p,
    Softplus,
    Sigmoid,
    LogSigmoid,
    Tanh,
    Square,
    Sqrt,
    Abs,

    /// <summary>x·σ(x) with arguments (x, σ(x)): the σ node is shared with the derivative σ(x)(1 + x(1 − σ(x))).</summary>
    Silu,

    /// <summary>sign(x), the derivative of |x|; only in derivatives.</summary>
    Sign,

    /// <summary>A Scalar repeated to fill the node's shape; only in derivatives (the adjoint of Sum).</summary>
    Broadcast,

    /// <summary>A Vec[cols] repeated as every row of a Mat, Mᵢⱼ = vⱼ; only in derivatives (the adjoint of ColSum).</summary>
    BroadcastRows,

    /// <summary>A Vec[rows] repeated as every column of a Mat, Mᵢⱼ = vᵢ; only in derivatives (the adjoint of RowSum).</summary>
    BroadcastCols,

    /// <summary>The outer product uvᵀ, Mᵢⱼ = uᵢvⱼ; only in derivatives (the adjoint of a matrix in a product).</summary>
    Outer,

    // reductions
    Sum,
    Dot,
    Norm2,
    LogSumExp,
    RowSum,
    ColSum,

    // products
    MatVec,
    VecMat,

    // vector to vector
    Softmax,
    Softmin,

    /// <summary>The diagonal of a square Mat, yᵢ = Mᵢᵢ; only in structure analysis (the Hessian diagonal of a quadratic form).</summary>
    Diagonal,
}
