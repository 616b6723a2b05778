using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.OpenCL.Tests.Models;

/// <summary>
/// One energy that uses every operation of the DSL and every broadcast (Mat − Vec, Vec − Mat, Mat∘Mat, both products,
/// row and column sums, the softmaxes and every elementwise function), with a const scalar and a const vector, so that
/// each rule of the OpenCL emitter, forward and reverse, is compared with the C# on a device. Arguments of Log and Sqrt
/// are bounded away from 0; Abs sees states drawn away from 0.
/// </summary>
[EnergyModel]
public static partial class EveryOperation
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Mat W, Vec a, Vec b, Scalar s, [Const] Scalar k, [Const] Vec scale)
    {
        var u = W * x + a;
        var m = W - x;
        var n = x - W;
        return Sum(Exp(-Square(u) / 4)) + Dot(Softplus(u), LogSigmoid(b - u)) + Sum(Log1p(Square(x))) + Dot(Log(1 + Square(b)), x)
            + Sum(Sqrt(1 + Square(u))) + Sum(Abs(x)) + Norm2(Silu(u)) / (1 + Square(s)) + Dot(Tanh(u), scale)
            + Dot(Softmax(x * b), a) + Dot(Softmin(x - a), b) + LogSumExp(x + a) - LogSumExp(-x) / k
            + Sum(Tanh(m) * W) + Dot(ColSum(Square(n)), b) + Dot(RowSum(W / (2 + Exp(W))), a) + Dot(x * W, a) + Norm2(m) / 8 + Dot(Sigmoid(u), x);
    }
}
