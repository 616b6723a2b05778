using System.Globalization;
using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

// Element expressions: the C# for one element of a node, with inlined operands expanded in place, and the
// DSL-like text of a node for the comments. Both print only the parentheses that precedence needs, and keep
// those that fix the order of float operations (C#'s operators associate to the left).
internal sealed partial class Kernel
{
    private const string MathF = "global::System.MathF";
    private const string StableMath = "global::Ebm.Numerics.StableMath";
    private const string Support = "global::Ebm.EnergyModelSupport";
    private const int Additive = IrFormatter.Additive, Multiplicative = IrFormatter.Multiplicative, Unary = IrFormatter.Unary, Primary = IrFormatter.Primary;

    private readonly record struct Code(string Text, int Precedence);

    /// <summary>The element of node <paramref name="id"/> at the loop indices <paramref name="vars"/> (none for a scalar, one for a Vec, two for a Mat).</summary>
    private Code Value(int id, IReadOnlyList<string> vars) => storage[id] switch
    {
        Storage.Literal => Literal(g[id].Value),
        Storage.Inline => Compute(id, vars),
        _ => new Code(Element(identifier[id]!, g.ShapeOf(id), varying[id], vars), Primary),
    };

    /// <summary>The element of a stored value: row r of a batch when it varies, then row-major within the row.</summary>
    private string Element(string name, Shape shape, bool perRow, IReadOnlyList<string> vars) =>
        shape.Rank == Rank.Scalar && !perRow ? name : $"{name}[{Index(shape, perRow, vars)}]";

    /// <summary>The index of an element in its stored span: row r first when the value varies per row.</summary>
    private string Index(Shape shape, bool perRow, IReadOnlyList<string> vars) => shape.Rank switch
    {
        Rank.Scalar => perRow ? r : "0",
        Rank.Vector => perRow ? $"{r} * {bind.Sizes[shape.Length]} + {vars[0]}" : vars[0],
        _ => perRow
            ? $"({r} * {bind.Sizes[shape.Rows]} + {vars[0]}) * {bind.Sizes[shape.Cols]} + {vars[1]}"
            : $"{vars[0]} * {bind.Sizes[shape.Cols]} + {vars[1]}",
    };

    /// <summary>The operation of node <paramref name="id"/> applied to its operands' elements.</summary>
    private Code Compute(int id, IReadOnlyList<string> vars)
    {
        LaneCode code = ComputeWith(id, vars, (arg, at) =>
        {
            Code value = Value(arg, at);
            return new LaneCode(value.Text, value.Precedence, false);
        });
        return new Code(code.Text, code.Precedence);
    }

    /// <summary>The indices of operand <paramref name="k"/> of node <paramref name="id"/> when the node is at <paramref name="vars"/>.</summary>
    private IReadOnlyList<string> ArgVars(int id, int k, IReadOnlyList<string> vars)
    {
        IrNode node = g[id];
        Shape arg = g.ShapeOf(node.Args[k]);
        if (arg.Rank == Rank.Scalar)
            return Array.Empty<string>();
        if (node.Op == IrOp.Outer)
            return new[] { vars[k] };
        if (node.Op == IrOp.BroadcastCols)
            return new[] { vars[0] };
        if (arg.Rank == node.Shape.Rank)
            return vars;
        // A Vec beside a Mat is repeated over the rows, so it follows the column index.
        return new[] { vars[1] };
    }

    private static string Function(IrOp op) => op switch
    {
        IrOp.Exp => $"{MathF}.Exp",
        IrOp.Log => $"{MathF}.Log",
        IrOp.Tanh => $"{MathF}.Tanh",
        IrOp.Sqrt => $"{MathF}.Sqrt",
        IrOp.Abs => $"{MathF}.Abs",
        IrOp.Log1p => $"{StableMath}.Log1p",
        IrOp.Softplus => $"{StableMath}.Softplus",
        IrOp.Sigmoid => $"{StableMath}.Sigmoid",
        IrOp.LogSigmoid => $"{StableMath}.LogSigmoid",
        IrOp.Sign => $"{Support}.Sign",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an elementwise function."),
    };

    private static Code Binary(Code left, string symbol, Code right, int precedence)
    {
        var (text, outer) = IrFormatter.Binary((left.Text, left.Precedence), symbol, (right.Text, right.Precedence), precedence);
        return new Code(text, outer);
    }

    private static Code Negation(Code operand)
    {
        var (text, outer) = IrFormatter.Negation((operand.Text, operand.Precedence));
        return new Code(text, outer);
    }

    private static Code Literal(double value)
    {
        float f = (float)value;
        if (float.IsNaN(f))
            return new Code("float.NaN", Primary);
        if (float.IsInfinity(f))
            return new Code(f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity", f > 0 ? Primary : Unary);
        string text = f.ToString("R", CultureInfo.InvariantCulture) + "f";
        return new Code(text, f < 0 ? Unary : Primary);
    }

    /// <summary>A node in DSL-like notation for the comments: stored operands by name, inlined ones expanded.</summary>
    private string Describe(int id) => IrFormatter.Format(g, id, StoredName);

    /// <summary>A node as an operand in a comment: its variable when it is stored, its expression otherwise.</summary>
    private string Label(int id) => StoredName(id) ?? IrFormatter.Format(g, id, StoredName);

    private string? StoredName(int id) => live[id] && storage[id] is Storage.Local or Storage.Buffer ? identifier[id] : null;

    /// <summary>The comment before a stored node's block: what it holds, and which derivative when it is an adjoint.</summary>
    private string Comment(int id, string holder)
    {
        if (g.AdjointOf(id) is int forward)
            return $"// {(weighted[id] ? "weight · " : "")}∂{g.ObjectiveOf(id)}/∂{ForwardLabel(forward)} = {Describe(id)}";
        return $"// {holder} = {Describe(id)}";
    }


    private string ForwardLabel(int forward)
    {
        if (g[forward].Op == IrOp.Input)
            return g[forward].Name!;
        if (g.NameOf(forward) is { } name)
            return name;
        var described = IrFormatter.Format(g, forward, StoredName, top: true);
        return described.Precedence == Primary ? described.Text : $"({described.Text})";
    }
}
