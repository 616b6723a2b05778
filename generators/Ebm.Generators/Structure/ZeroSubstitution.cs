using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Structure;

/// <summary>
/// Rebuilds a value with one input set to zero, E(u = 0) for the free energy and ∇ₓE(x = 0) for the Gaussian
/// mean. Zero travels as "no node" and folds through sums, products and reductions, so E(v, h = 0) of an RBM
/// is −b·v with no trace of h; a zero that cannot fold (inside a LogSumExp, or a divisor) becomes a literal
/// zero of its shape.
/// </summary>
internal static class ZeroSubstitution
{
    public static int Apply(IrGraph g, int root, int input) => Materialize(g, Substitute(g, root, input), g.ShapeOf(root));

    private static int? Substitute(IrGraph g, int root, int input)
    {
        var map = new Dictionary<int, int?>();
        for (int id = 0; id <= root; id++)
        {
            IrNode node = g[id];
            if (id == input)
            {
                map[id] = null;
                continue;
            }
            if (node.Op is IrOp.Input or IrOp.Constant || node.Args.All(arg => map[arg] == arg))
            {
                map[id] = id;
                continue;
            }
            map[id] = Rebuild(g, id, node.Args.Select(arg => map[arg]).ToArray());
        }
        return map[root];
    }

    private static int? Rebuild(IrGraph g, int id, int?[] a)
    {
        IrNode node = g[id];
        Shape shape = node.Shape;
        int Full(int k) => Materialize(g, a[k], g.ShapeOf(node.Args[k]));
        switch (node.Op)
        {
            case IrOp.Negate:
                return a[0] is int x ? g.Negate(x) : null;
            case IrOp.Add:
                return a[0] is null ? Fill(g, a[1], shape) : a[1] is null ? Fill(g, a[0], shape) : g.Add(a[0]!.Value, a[1]!.Value);
            case IrOp.Subtract:
                return a[1] is null ? Fill(g, a[0], shape) : a[0] is null ? Fill(g, g.Negate(a[1]!.Value), shape) : g.Subtract(a[0]!.Value, a[1]!.Value);
            case IrOp.Multiply or IrOp.Dot or IrOp.MatVec or IrOp.VecMat or IrOp.Outer:
                if (a[0] is not int l || a[1] is not int r)
                    return null;
                return node.Op switch
                {
                    IrOp.Multiply => g.Multiply(l, r),
                    IrOp.Dot => g.Dot(l, r),
                    IrOp.MatVec => g.MatVec(l, r),
                    IrOp.VecMat => g.VecMat(l, r),
                    _ => g.Outer(l, r),
                };
            case IrOp.Divide:
                return a[0] is int n ? g.Divide(n, Full(1)) : null;
            case IrOp.Sum or IrOp.Norm2:
                return a[0] is int s ? g.Reduce(node.Op, s) : null;
            case IrOp.RowSum:
                return a[0] is int rs ? g.RowSum(rs) : null;
            case IrOp.ColSum:
                return a[0] is int cs ? g.ColSum(cs) : null;
            case IrOp.Diagonal:
                return a[0] is int d ? g.Diagonal(d) : null;
            case IrOp.Broadcast or IrOp.BroadcastRows or IrOp.BroadcastCols:
                return a[0] is int b ? g.Broadcast(node.Op, b, shape) : null;
            case IrOp.Square or IrOp.Abs or IrOp.Sign or IrOp.Tanh or IrOp.Sqrt or IrOp.Log1p when a[0] is null:
                return null;
            case IrOp.Silu:
                return a[0] is int silu ? g.Silu(silu) : null;
            case IrOp.Exp or IrOp.Softplus or IrOp.Sigmoid or IrOp.LogSigmoid or IrOp.Log when a[0] is null:
                double at0 = node.Op switch
                {
                    IrOp.Exp => 1,
                    IrOp.Softplus => Math.Log(2),
                    IrOp.Sigmoid => 0.5,
                    IrOp.LogSigmoid => -Math.Log(2),
                    _ => double.NegativeInfinity,
                };
                return Fill(g, g.Constant(at0), shape);
            case IrOp.LogSumExp:
                return g.Reduce(node.Op, Full(0));
            case IrOp.Softmax or IrOp.Softmin:
                return g.VectorMap(node.Op, Full(0));
            default:
                return g.Function(node.Op, Full(0));
        }
    }

    /// <summary>A value spread to <paramref name="shape"/> the way the binary operators broadcast it; null stays zero.</summary>
    private static int? Fill(IrGraph g, int? value, Shape shape)
    {
        if (value is not int v || g.ShapeOf(v) == shape)
            return value;
        return g.Broadcast(g.ShapeOf(v).Rank == Rank.Scalar ? IrOp.Broadcast : IrOp.BroadcastRows, v, shape);
    }

    /// <summary>A node for the value, a literal zero of its shape where it is zero.</summary>
    public static int Materialize(IrGraph g, int? value, Shape shape) =>
        value ?? g.Broadcast(IrOp.Broadcast, g.Constant(0), shape);
}
