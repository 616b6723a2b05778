using Ebm.Generators.Model;

namespace Ebm.Generators.Ir;

/// <summary>
/// Reverse-mode differentiation over the graph: the adjoint ȳ = ∂E/∂y of each node is the sum of the
/// contributions its users send it, and each node sends its operands the contributions its rule gives
/// (specs/derivatives.md lists them). The adjoints are built in the same graph, so forward values they use
/// (σ(x), softmax(x), y itself) are the forward nodes, shared rather than recomputed.
/// </summary>
internal static class ReverseMode
{
    /// <summary>
    /// The adjoint of each node of <paramref name="with"/> for the output <paramref name="output"/> whose
    /// adjoint is <paramref name="seed"/>. Only nodes on a path from one of them to the output get an
    /// adjoint, so a binary state or a const parameter costs nothing.
    /// </summary>
    /// <param name="g">The graph, which receives the adjoint nodes.</param>
    /// <param name="output">The scalar differentiated: the energy, or a scalar built from a first pass's adjoints.</param>
    /// <param name="seed">The output's adjoint: 1, or the row's weight.</param>
    /// <param name="with">The nodes whose adjoints are wanted.</param>
    /// <param name="objective">How the comments of generated code name the output differentiated.</param>
    /// <returns>The adjoint node of each requested node; absent where the derivative is zero.</returns>
    public static Dictionary<int, int> Differentiate(IrGraph g, int output, int seed, IReadOnlyCollection<int> with, string objective = "E")
    {
        // Nodes made during the reverse pass are adjoints and are never differentiated themselves.
        int forward = output + 1;
        var needed = new bool[forward];
        foreach (int id in with)
            if (id < forward)
                needed[id] = true;
        for (int id = 0; id < forward; id++)
            if (!needed[id])
                needed[id] = g[id].Args.Any(arg => needed[arg]);

        var contributions = new Dictionary<int, List<int>>();
        void Send(int to, int value)
        {
            if (!needed[to])
                return;
            if (!contributions.TryGetValue(to, out var list))
                contributions[to] = list = new List<int>();
            list.Add(value);
        }

        var adjoints = new Dictionary<int, int>();
        Send(output, seed);
        for (int y = output; y >= 0; y--)
        {
            if (!contributions.TryGetValue(y, out var list))
                continue;
            int bar = list.Skip(1).Aggregate(list[0], g.Add);
            adjoints[y] = bar;
            g.MarkAdjoint(bar, y, objective);
            // The adjoint of a DSL local is named after it; an input's adjoint is an output, which the method names.
            if (g.NameOf(y) is { } name)
                g.Name(bar, "d" + name);
            Rule(g, y, bar, Send);
        }

        return with.Where(adjoints.ContainsKey).ToDictionary(id => id, id => adjoints[id]);
    }

    /// <summary>Sends the operands of <paramref name="y"/> their contributions, given its adjoint <paramref name="bar"/>.</summary>
    private static void Rule(IrGraph g, int y, int bar, Action<int, int> send)
    {
        IrNode node = g[y];
        var args = node.Args;
        int a = args.Count > 0 ? args[0] : -1, b = args.Count > 1 ? args[1] : -1;
        int one = g.Constant(1), two = g.Constant(2);
        switch (node.Op)
        {
            case IrOp.Input or IrOp.Constant:
                return;
            case IrOp.Negate:
                send(a, g.Negate(bar));
                return;
            case IrOp.Add:
                send(a, Reduce(g, bar, a));
                send(b, Reduce(g, bar, b));
                return;
            case IrOp.Subtract:
                send(a, Reduce(g, bar, a));
                send(b, Reduce(g, g.Negate(bar), b));
                return;
            case IrOp.Multiply:
                send(a, Reduce(g, g.Multiply(bar, b), a));
                send(b, Reduce(g, g.Multiply(bar, a), b));
                return;
            case IrOp.Divide:
                // y = a/b: ∂y/∂a = 1/b, ∂y/∂b = −a/b² = −y/b.
                send(a, Reduce(g, g.Divide(bar, b), a));
                send(b, Reduce(g, g.Negate(g.Divide(g.Multiply(bar, y), b)), b));
                return;
            case IrOp.MatVec:
                // y = Wx: W̄ = ȳxᵀ, x̄ = Wᵀȳ = ȳW.
                send(a, g.Outer(bar, b));
                send(b, g.VecMat(bar, a));
                return;
            case IrOp.VecMat:
                // y = xW: x̄ = Wȳ, W̄ = xȳᵀ.
                send(a, g.MatVec(b, bar));
                send(b, g.Outer(a, bar));
                return;
            case IrOp.Sum:
                send(a, g.Broadcast(IrOp.Broadcast, bar, g.ShapeOf(a)));
                return;
            case IrOp.Dot:
                send(a, g.Multiply(bar, b));
                send(b, g.Multiply(bar, a));
                return;
            case IrOp.Norm2:
                send(a, g.Multiply(g.Multiply(two, bar), a));
                return;
            case IrOp.LogSumExp:
                send(a, g.Multiply(bar, g.VectorMap(IrOp.Softmax, a)));
                return;
            case IrOp.RowSum:
                send(a, g.Broadcast(IrOp.BroadcastCols, bar, g.ShapeOf(a)));
                return;
            case IrOp.ColSum:
                send(a, g.Broadcast(IrOp.BroadcastRows, bar, g.ShapeOf(a)));
                return;
            case IrOp.Exp:
                send(a, g.Multiply(bar, y));
                return;
            case IrOp.Log:
                send(a, g.Divide(bar, a));
                return;
            case IrOp.Log1p:
                send(a, g.Divide(bar, g.Add(one, a)));
                return;
            case IrOp.Softplus:
                send(a, g.Multiply(bar, g.Function(IrOp.Sigmoid, a)));
                return;
            case IrOp.Sigmoid:
                send(a, g.Multiply(bar, g.Multiply(y, g.Subtract(one, y))));
                return;
            case IrOp.LogSigmoid:
                // d/dx log σ(x) = 1 − σ(x) = σ(−x), which keeps its digits where σ(x) rounds to 1.
                send(a, g.Multiply(bar, g.Function(IrOp.Sigmoid, g.Negate(a))));
                return;
            case IrOp.Tanh:
                send(a, g.Multiply(bar, g.Subtract(one, g.Function(IrOp.Square, y))));
                return;
            case IrOp.Square:
                send(a, g.Multiply(bar, g.Multiply(two, a)));
                return;
            case IrOp.Sqrt:
                send(a, g.Divide(bar, g.Multiply(two, y)));
                return;
            case IrOp.Abs:
                send(a, g.Multiply(bar, g.Function(IrOp.Sign, a)));
                return;
            case IrOp.Silu:
                // silu'(x) = σ(x)(1 + x(1 − σ(x))), with σ(x) the forward node b; nothing flows into b itself.
                send(a, g.Multiply(bar, g.Multiply(b, g.Add(one, g.Multiply(a, g.Subtract(one, b))))));
                return;
            case IrOp.Softmax:
                // p = softmax(x): x̄ = p ⊙ (ȳ − ⟨ȳ, p⟩).
                send(a, g.Multiply(y, g.Subtract(bar, g.Dot(bar, y))));
                return;
            case IrOp.Softmin:
                // p = softmax(−x): x̄ = −p ⊙ (ȳ − ⟨ȳ, p⟩) = p ⊙ (⟨ȳ, p⟩ − ȳ).
                send(a, g.Multiply(y, g.Subtract(g.Dot(bar, y), bar)));
                return;
            // The rules below differentiate a gradient program itself (reverse over reverse, for u·∇ₓE), where
            // the ops that only adjoints use become forward nodes.
            case IrOp.Sign:
                // sign is flat almost everywhere: the second derivative of |x| is zero away from 0.
                return;
            case IrOp.Broadcast:
                send(a, g.Reduce(IrOp.Sum, bar));
                return;
            case IrOp.BroadcastRows:
                send(a, g.ColSum(bar));
                return;
            case IrOp.BroadcastCols:
                send(a, g.RowSum(bar));
                return;
            case IrOp.Outer:
                // y = uvᵀ: ū = Ȳv, v̄ = Ȳᵀu = uȲ.
                send(a, g.MatVec(bar, b));
                send(b, g.VecMat(a, bar));
                return;
            default:
                // Diagonal appears only in structure analysis, which is not differentiated.
                throw new InvalidOperationException($"No derivative rule for {node.Op}.");
        }
    }

    /// <summary>
    /// A contribution brought to the operand's shape: an operand that was broadcast receives the sum over the
    /// axis it was broadcast along (a Scalar the sum of everything, a Vec over a Mat's rows the column sums).
    /// </summary>
    private static int Reduce(IrGraph g, int contribution, int operand)
    {
        Shape from = g.ShapeOf(contribution), to = g.ShapeOf(operand);
        if (from == to)
            return contribution;
        if (to.Rank == Rank.Scalar)
            return g.Reduce(IrOp.Sum, contribution);
        return g.ColSum(contribution);
    }
}
