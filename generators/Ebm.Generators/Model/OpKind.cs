namespace Ebm.Generators.Model;

/// <summary>The operations of <c>Ebm.Dsl.Ops</c> the generator knows; each name is the Ops method's name.</summary>
internal enum OpKind
{
    // reductions
    Sum,
    Dot,
    Norm2,
    LogSumExp,
    RowSum,
    ColSum,

    // elementwise on Scalar, Vec and Mat
    Exp,
    Log,
    Log1p,
    Softplus,
    Sigmoid,
    LogSigmoid,
    Tanh,
    Silu,
    Square,
    Sqrt,
    Abs,

    // vector to vector
    Softmax,
    Softmin,
}
