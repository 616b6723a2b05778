using Ebm.Generators.Model;

namespace Ebm.Generators.Ir;

// The builder methods. Each applies the algebraic simplifications that hold for every shape before it
// interns the node: constants fold, x + 0, x·1 and x/1 are x, −(−x) is x, a negation moves outward
// through products and quotients (so that −1 ends up as a sign the emitter can fold into a GEMM's α),
// and an explicit broadcast meets its other operand's shape through the implicit broadcasting of the
// binary operators. Zero adjoints never become nodes: a derivative that does not exist is absent.
internal sealed partial class IrGraph
{
    public int Input(string name, IrInputKind kind, Shape shape) =>
        Intern(new IrNode(IrOp.Input, shape, ImmutableEquatableArray<int>.Empty, 0, name, kind));

    // +0 and −0 are one constant, so that folding never leaves two zeros apart.
    public int Constant(double value) =>
        Intern(new IrNode(IrOp.Constant, Shape.Scalar, ImmutableEquatableArray<int>.Empty, value == 0 ? 0.0 : value, null, IrInputKind.Const));

    public int Negate(int x)
    {
        if (IsConstant(x, out double c))
            return Constant(-c);
        if (nodes[x].Op == IrOp.Negate)
            return nodes[x].Args[0];
        // −(a − b) = b − a exactly (rounding is symmetric; only a zero result changes sign), and b − (−c) = b + c,
        // so the free energy's −(−t − b) becomes t + b.
        if (nodes[x].Op == IrOp.Subtract)
            return Subtract(nodes[x].Args[1], nodes[x].Args[0]);
        return Intern(IrOp.Negate, ShapeOf(x), x);
    }

    public int Add(int a, int b)
    {
        Unbroadcast(ref a, ref b);
        if (IsConstant(a, out double ca) && IsConstant(b, out double cb))
            return Constant(ca + cb);
        Shape shape = Broadcast(a, b);
        if (IsConstant(a, 0) && ShapeOf(b) == shape)
            return b;
        if (IsConstant(b, 0) && ShapeOf(a) == shape)
            return a;
        if (nodes[b].Op == IrOp.Negate)
            return Subtract(a, nodes[b].Args[0]);
        if (nodes[a].Op == IrOp.Negate)
            return Subtract(b, nodes[a].Args[0]);
        Order(ref a, ref b);
        return Intern(IrOp.Add, shape, a, b);
    }

    public int Subtract(int a, int b)
    {
        Unbroadcast(ref a, ref b);
        if (IsConstant(a, out double ca) && IsConstant(b, out double cb))
            return Constant(ca - cb);
        Shape shape = Broadcast(a, b);
        if (IsConstant(b, 0) && ShapeOf(a) == shape)
            return a;
        if (IsConstant(a, 0) && ShapeOf(b) == shape)
            return Negate(b);
        if (nodes[b].Op == IrOp.Negate)
            return Add(a, nodes[b].Args[0]);
        return Intern(IrOp.Subtract, shape, a, b);
    }

    public int Multiply(int a, int b)
    {
        Unbroadcast(ref a, ref b);
        if (IsConstant(a, out double ca) && IsConstant(b, out double cb))
            return Constant(ca * cb);
        Shape shape = Broadcast(a, b);
        Order(ref a, ref b);
        if (IsConstant(a, out ca))
        {
            if (ca == 1 && ShapeOf(b) == shape)
                return b;
            if (ca == -1 && ShapeOf(b) == shape)
                return Negate(b);
            if (ca == 0 && shape.Rank == Rank.Scalar)
                return a;
            // c·(d·y) = (cd)·y, so constants gather in one place.
            if (nodes[b].Op == IrOp.Multiply && IsConstant(nodes[b].Args[0], out double cd))
                return Multiply(Constant(ca * cd), nodes[b].Args[1]);
        }
        if (nodes[a].Op == IrOp.Negate)
            return Negate(Multiply(nodes[a].Args[0], b));
        if (nodes[b].Op == IrOp.Negate)
            return Negate(Multiply(a, nodes[b].Args[0]));
        return Intern(IrOp.Multiply, shape, a, b);
    }

    public int Divide(int a, int b)
    {
        Unbroadcast(ref a, ref b);
        if (IsConstant(a, out double ca) && IsConstant(b, out double cb))
            return Constant(ca / cb);
        Shape shape = Broadcast(a, b);
        if (IsConstant(b, 1) && ShapeOf(a) == shape)
            return a;
        if (nodes[a].Op == IrOp.Negate)
            return Negate(Divide(nodes[a].Args[0], b));
        if (nodes[b].Op == IrOp.Negate)
            return Negate(Divide(a, nodes[b].Args[0]));
        return Intern(IrOp.Divide, shape, a, b);
    }

    /// <summary>An elementwise function of one argument (Exp … Abs, Sign).</summary>
    public int Function(IrOp op, int x) => Intern(op, ShapeOf(x), x);

    /// <summary>x·σ(x), holding σ(x) as a node of its own so that the derivative reuses it.</summary>
    public int Silu(int x) => Intern(IrOp.Silu, ShapeOf(x), x, Function(IrOp.Sigmoid, x));

    /// <summary>A Scalar, a Vec over a Mat's rows (<see cref="IrOp.BroadcastRows"/>) or over its columns (<see cref="IrOp.BroadcastCols"/>) as a value of <paramref name="shape"/>.</summary>
    public int Broadcast(IrOp op, int x, Shape shape) => ShapeOf(x) == shape ? x : Intern(op, shape, x);

    public int Outer(int u, int v)
    {
        if (nodes[u].Op == IrOp.Negate)
            return Negate(Outer(nodes[u].Args[0], v));
        if (nodes[v].Op == IrOp.Negate)
            return Negate(Outer(u, nodes[v].Args[0]));
        return Intern(IrOp.Outer, Shape.Matrix(ShapeOf(u).Length, ShapeOf(v).Length), u, v);
    }

    /// <summary>Sum, Norm2, LogSumExp: a Vec or Mat to a Scalar.</summary>
    public int Reduce(IrOp op, int x) => Intern(op, Shape.Scalar, x);

    public int Dot(int a, int b)
    {
        if (nodes[a].Op == IrOp.Negate)
            return Negate(Dot(nodes[a].Args[0], b));
        if (nodes[b].Op == IrOp.Negate)
            return Negate(Dot(a, nodes[b].Args[0]));
        Order(ref a, ref b);
        return Intern(IrOp.Dot, Shape.Scalar, a, b);
    }

    public int RowSum(int m) => Intern(IrOp.RowSum, Shape.Vector(ShapeOf(m).Rows), m);

    public int ColSum(int m) => Intern(IrOp.ColSum, Shape.Vector(ShapeOf(m).Cols), m);

    public int MatVec(int m, int x) => Intern(IrOp.MatVec, Shape.Vector(ShapeOf(m).Rows), m, x);

    public int VecMat(int x, int m) => Intern(IrOp.VecMat, Shape.Vector(ShapeOf(m).Cols), x, m);

    /// <summary>The diagonal of a Mat whose rows and columns have one size.</summary>
    public int Diagonal(int m) => Intern(IrOp.Diagonal, Shape.Vector(ShapeOf(m).Rows), m);

    /// <summary>Softmax or Softmin of a Vec.</summary>
    public int VectorMap(IrOp op, int x) => Intern(op, ShapeOf(x), x);

    /// <summary>
    /// Replaces an explicit broadcast by its source where the other operand already has the full shape, so
    /// s·y rather than Broadcast(s)·y: the binary operators broadcast a Scalar, and a Vec over rows, themselves.
    /// </summary>
    private void Unbroadcast(ref int a, ref int b)
    {
        Shape shape = Broadcast(a, b);
        if (ShapeOf(b) == shape && nodes[a].Op is IrOp.Broadcast or IrOp.BroadcastRows)
            a = nodes[a].Args[0];
        else if (ShapeOf(a) == shape && nodes[b].Op is IrOp.Broadcast or IrOp.BroadcastRows)
            b = nodes[b].Args[0];
    }

    /// <summary>
    /// The order of a commutative operation's operands: constants first, then lower ranks (2·x, s·v). Operands
    /// that tie keep the declaration's order, which the generated code then reads like.
    /// </summary>
    private void Order(ref int a, ref int b)
    {
        static (int, int) Key(IrGraph g, int id) => (g.nodes[id].Op == IrOp.Constant ? 0 : 1, (int)g.ShapeOf(id).Rank);
        if (Key(this, b).CompareTo(Key(this, a)) < 0)
            (a, b) = (b, a);
    }
}
