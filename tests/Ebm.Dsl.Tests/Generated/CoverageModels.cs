using static Ebm.Dsl.Ops;

namespace Ebm.Dsl.Tests.Generated;

// Models that together use every operation and every broadcast of the DSL, so that each derivative rule
// (specs/derivatives.md) is checked against finite differences, not only those the built-in models need.
// Logarithms and square roots get arguments bounded away from 0, and Abs is applied to a state, which the
// tests draw away from 0, so every energy is smooth where it is differentiated.

/// <summary>Every elementwise function on vectors and scalars, with Vec∘Vec, Vec∘Scalar and Scalar∘Scalar arithmetic.</summary>
[EnergyModel]
public static partial class ElementwiseOps
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Vec a, Vec b, Scalar s, [Const] Scalar k)
    {
        var u = a * x + s;
        var v = Tanh(u) - Sigmoid(b - x) / k;
        var total = Sum(x) / 4;
        return Sum(Exp(-Square(u) / 4)) + Dot(Softplus(v), LogSigmoid(u)) + Sum(Log1p(Square(x)))
            + Sum(Log(1 + Square(b))) * s + Sum(Sqrt(1 + Square(v))) + Sum(Abs(x)) + Norm2(Silu(u)) / (1 + Square(s))
            + Exp(total) - Sqrt(2 + Tanh(total)) * Log(3 + Sigmoid(s)) + Abs(s - 7) / 4 + Sum(2 / (2 + Square(x - b)));
    }
}

/// <summary>Products (of a state-dependent matrix too), broadcasts of a Vec over a Mat's rows in both orders, row and column sums, Mat∘Mat and a matrix used in two products.</summary>
[EnergyModel]
public static partial class MatrixOps
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Mat W, Vec c, Mat B)
    {
        var m = W - x;
        var q = c - W * x;
        return Sum(Square(m) * B) / 2 + Dot(ColSum(Tanh(m)), x) + Norm2(m) + Dot(RowSum(B / (2 + Exp(W))), c)
            + Dot(c * W, x) + Norm2(q) + Sum(x - W) / 3 + Dot(c, W * Tanh(x)) + Sum(W * B) - Norm2(B * x) / 5 + Dot(c, m * x) / 4;
    }
}

/// <summary>Softmax, Softmin and LogSumExp of state-dependent vectors.</summary>
[EnergyModel]
public static partial class SoftmaxOps
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Vec w, Vec t)
        => Dot(Softmax(x * w), t) + Dot(Softmin(x - t), Square(w)) + LogSumExp(x + t) - LogSumExp(-x) + Sum(Softmax(t) * x);
}

/// <summary>Outputs that are zero or a parameter itself: y does not enter E, ∂E/∂x = a, and unused gets no gradient.</summary>
[EnergyModel]
public static partial class LinearOps
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, [State] Vec y, Vec a, Vec unused, [Binary] Vec z, Vec d)
        => Dot(a, x) + Dot(d, z) + 3;
}

/// <summary>A gradient that is a broadcast constant (∂E/∂x = 1) and terms that fold to zero (y and a drop out).</summary>
[EnergyModel]
public static partial class BroadcastOps
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, [State] Vec y, Vec a) => Sum(x) + Norm2(y) * 0 + Sum(a) * 0 + 2;
}

/// <summary>An energy that folds to a constant: every row of a batch gets it, and every gradient is zero.</summary>
[EnergyModel]
public static partial class ConstantOps
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Vec a) => 2 + Dot(a, x) * 0;
}

/// <summary>A matrix that enters only scaled by a trainable scalar: its gradient is s·Σ outer products, one GEMM with α = s.</summary>
[EnergyModel]
public static partial class ScaledProduct
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Mat W, Scalar s) => Dot(x, s * W * x) / 2 + Norm2(x);
}
