using Ebm.Generators.Model;

namespace Ebm.Generators.Ir;

/// <summary>
/// Lowers a model's parsed Energy into an <see cref="IrGraph"/>: one Input node per parameter of Energy,
/// the locals in order (each named after its DSL local), and the returned expression.
/// </summary>
internal static class Lowering
{
    /// <summary>Lowers the energy of <paramref name="model"/> into <paramref name="graph"/>.</summary>
    /// <returns>The energy's node, and the Input node of each parameter of Energy by name.</returns>
    public static (int Energy, Dictionary<string, int> Inputs) Lower(IrGraph graph, ModelSpec model)
    {
        var inputs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var input in model.Inputs)
            inputs[input.Name] = graph.Input(input.Name, KindOf(input.Role), input.Shape);

        var locals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var local in model.Locals)
        {
            int value = Lower(graph, local.Value, inputs, locals);
            graph.Name(value, local.Name);
            locals[local.Name] = value;
        }
        return (Lower(graph, model.Energy, inputs, locals), inputs);
    }

    private static IrInputKind KindOf(Role role) => role switch
    {
        Role.ContinuousState => IrInputKind.ContinuousState,
        Role.BinaryState => IrInputKind.BinaryState,
        Role.Trainable => IrInputKind.Trainable,
        _ => IrInputKind.Const,
    };

    private static int Lower(IrGraph g, Expr expr, Dictionary<string, int> inputs, Dictionary<string, int> locals)
    {
        int Arg(Expr e) => Lower(g, e, inputs, locals);
        switch (expr)
        {
            case ConstantExpr constant:
                return g.Constant(constant.Value);
            case ReferenceExpr reference:
                return reference.IsLocal ? locals[reference.Name] : inputs[reference.Name];
            case NegateExpr negate:
                return g.Negate(Arg(negate.Operand));
            case BinaryExpr binary:
                int left = Arg(binary.Left), right = Arg(binary.Right);
                return binary.Op switch
                {
                    BinaryOp.Add => g.Add(left, right),
                    BinaryOp.Subtract => g.Subtract(left, right),
                    BinaryOp.Multiply => g.Multiply(left, right),
                    BinaryOp.Divide => g.Divide(left, right),
                    BinaryOp.MatVec => g.MatVec(left, right),
                    _ => g.VecMat(left, right),
                };
            case CallExpr call:
                int x = Arg(call.Arguments[0]);
                return call.Op switch
                {
                    OpKind.Sum => g.Reduce(IrOp.Sum, x),
                    OpKind.Norm2 => g.Reduce(IrOp.Norm2, x),
                    OpKind.LogSumExp => g.Reduce(IrOp.LogSumExp, x),
                    OpKind.Dot => g.Dot(x, Arg(call.Arguments[1])),
                    OpKind.RowSum => g.RowSum(x),
                    OpKind.ColSum => g.ColSum(x),
                    OpKind.Silu => g.Silu(x),
                    OpKind.Softmax => g.VectorMap(IrOp.Softmax, x),
                    OpKind.Softmin => g.VectorMap(IrOp.Softmin, x),
                    _ => g.Function(FunctionOp(call.Op), x),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(expr), expr.GetType().Name, "Unknown expression node.");
        }
    }

    private static IrOp FunctionOp(OpKind op) => op switch
    {
        OpKind.Exp => IrOp.Exp,
        OpKind.Log => IrOp.Log,
        OpKind.Log1p => IrOp.Log1p,
        OpKind.Softplus => IrOp.Softplus,
        OpKind.Sigmoid => IrOp.Sigmoid,
        OpKind.LogSigmoid => IrOp.LogSigmoid,
        OpKind.Tanh => IrOp.Tanh,
        OpKind.Square => IrOp.Square,
        OpKind.Sqrt => IrOp.Sqrt,
        OpKind.Abs => IrOp.Abs,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an elementwise function."),
    };
}
