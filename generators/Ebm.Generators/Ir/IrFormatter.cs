using System.Globalization;

namespace Ebm.Generators.Ir;

/// <summary>
/// A node in DSL-like notation: inputs by name, constants as numbers, operations as the DSL writes them
/// (MatVec and VecMat as <c>*</c>), with only the parentheses precedence needs. The comments of generated
/// code print stored values by their variable's name; everything else is expanded.
/// </summary>
internal static class IrFormatter
{
    public const int Additive = 1, Multiplicative = 2, Unary = 3, Primary = 4;

    /// <summary>The text of <paramref name="id"/>, printing a node as <paramref name="name"/> gives it when that is not null.</summary>
    public static string Format(IrGraph g, int id, Func<int, string?>? name = null) => Format(g, id, name ?? (_ => null), top: true).Text;

    /// <summary>The text of <paramref name="id"/> and the precedence of its outermost operator.</summary>
    public static (string Text, int Precedence) Format(IrGraph g, int id, Func<int, string?> name, bool top)
    {
        IrNode node = g[id];
        if (node.Op == IrOp.Constant)
            return (node.Value.ToString("R", CultureInfo.InvariantCulture), node.Value < 0 ? Unary : Primary);
        if (node.Op == IrOp.Input)
            return (node.Name!, Primary);
        if (!top && name(id) is { } stored)
            return (stored, Primary);

        (string Text, int Precedence) Arg(int k) => Format(g, node.Args[k], name, top: false);
        return node.Op switch
        {
            IrOp.Negate => Negation(Arg(0)),
            IrOp.Add => Binary(Arg(0), "+", Arg(1), Additive),
            IrOp.Subtract => Binary(Arg(0), "-", Arg(1), Additive),
            IrOp.Multiply or IrOp.MatVec or IrOp.VecMat => Binary(Arg(0), "*", Arg(1), Multiplicative),
            IrOp.Divide => Binary(Arg(0), "/", Arg(1), Multiplicative),
            // Silu's second argument is its σ(x), shared with the derivative; the DSL writes Silu(x).
            IrOp.Silu => ($"Silu({Arg(0).Text})", Primary),
            _ => ($"{node.Op}({string.Join(", ", node.Args.Select((_, k) => Arg(k).Text))})", Primary),
        };
    }

    /// <summary>C#'s operators associate to the left, so an equal-precedence right operand keeps its parentheses.</summary>
    public static (string Text, int Precedence) Binary((string Text, int Precedence) left, string symbol, (string Text, int Precedence) right, int precedence)
    {
        string l = left.Precedence < precedence ? $"({left.Text})" : left.Text;
        string r = right.Precedence <= precedence ? $"({right.Text})" : right.Text;
        return ($"{l} {symbol} {r}", precedence);
    }

    public static (string Text, int Precedence) Negation((string Text, int Precedence) operand) =>
        ("-" + (operand.Precedence <= Unary || operand.Text.StartsWith("-", StringComparison.Ordinal) ? $"({operand.Text})" : operand.Text), Unary);
}
