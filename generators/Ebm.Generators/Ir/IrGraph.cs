using Ebm.Generators.Model;

namespace Ebm.Generators.Ir;

/// <summary>
/// An SSA graph under construction: every value is a node numbered in creation order, so operands always
/// precede their users and the numbering is a topological order. Nodes are made only through the builder
/// methods (<c>IrGraph.Builders.cs</c>), which simplify as they build and return an existing node for a
/// structure built before.
/// </summary>
internal sealed partial class IrGraph
{
    private readonly List<IrNode> nodes = new();
    private readonly Dictionary<IrNode, int> ids = new();
    private readonly Dictionary<int, string> names = new();
    private readonly Dictionary<int, (int Forward, string Objective)> adjointOf = new();

    public int Count => nodes.Count;

    public IrNode this[int id] => nodes[id];

    public Shape ShapeOf(int id) => nodes[id].Shape;

    /// <summary>A readable name for a node, when it has one: a DSL local, or the derivative of a named value.</summary>
    public string? NameOf(int id) => names.TryGetValue(id, out var name) ? name : null;

    /// <summary>Names a node unless it already has a name; the first name wins, as the first local holding a value does.</summary>
    public void Name(int id, string name)
    {
        if (!names.ContainsKey(id) && nodes[id].Op is not (IrOp.Input or IrOp.Constant))
            names[id] = name;
    }

    /// <summary>The forward node whose adjoint <paramref name="id"/> is, if it is one; for the comments of generated code.</summary>
    public int? AdjointOf(int id) => adjointOf.TryGetValue(id, out var entry) ? entry.Forward : null;

    /// <summary>What an adjoint node differentiates: "E", or the scalar a second reverse pass was run over.</summary>
    public string ObjectiveOf(int id) => adjointOf.TryGetValue(id, out var entry) ? entry.Objective : "E";

    /// <summary>Records that <paramref name="adjoint"/> is ∂objective/∂<paramref name="forward"/>, unless it already is another node's.</summary>
    public void MarkAdjoint(int adjoint, int forward, string objective)
    {
        if (!adjointOf.ContainsKey(adjoint) && nodes[adjoint].Op is not (IrOp.Input or IrOp.Constant))
            adjointOf[adjoint] = (forward, objective);
    }

    /// <summary>Which nodes the given roots depend on, themselves included: the values a program must compute.</summary>
    public bool[] Reachable(IEnumerable<int> roots)
    {
        var reached = new bool[nodes.Count];
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (reached[id])
                continue;
            reached[id] = true;
            foreach (int arg in nodes[id].Args)
                stack.Push(arg);
        }
        return reached;
    }

    public bool IsConstant(int id, out double value)
    {
        value = nodes[id].Value;
        return nodes[id].Op == IrOp.Constant;
    }

    public bool IsConstant(int id, double value) => IsConstant(id, out double v) && v == value;

    private int Intern(IrOp op, Shape shape, params int[] args) => Intern(new IrNode(op, shape, args.ToImmutableEquatableArray(), 0, null, IrInputKind.Const));

    private int Intern(IrNode node)
    {
        if (ids.TryGetValue(node, out int id))
            return id;
        id = nodes.Count;
        nodes.Add(node);
        ids.Add(node, id);
        return id;
    }

    /// <summary>The shape of an elementwise binary result: a Scalar broadcasts over anything, a Vec over a Mat's rows.</summary>
    private Shape Broadcast(int a, int b)
    {
        Shape x = ShapeOf(a), y = ShapeOf(b);
        return x.Rank >= y.Rank ? x : y;
    }
}
