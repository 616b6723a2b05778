using System.Globalization;
using Ebm.Generators.Analysis;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

/// <summary>
/// Writes the IR back as DSL text for the comments of the generated file, with only the parentheses
/// C#'s precedence needs, and shapes with their size names.
/// </summary>
internal static class ExprFormatter
{
    public static string Format(Expr expr) => Format(expr, out _);

    public static string Format(Shape shape, IReadOnlyList<string> sizes) => shape.Rank switch
    {
        Rank.Scalar => "Scalar",
        _ => $"{ShapeRules.Name(shape.Rank)}[{string.Join(", ", shape.Sizes.Select(s => sizes[s]))}]",
    };

    private static string Format(Expr expr, out int precedence)
    {
        const int Additive = 1, Multiplicative = 2, Unary = 3, Primary = 4;
        switch (expr)
        {
            case ConstantExpr constant:
                precedence = Primary;
                return constant.Value.ToString("R", CultureInfo.InvariantCulture);
            case ReferenceExpr reference:
                precedence = Primary;
                return reference.Name;
            case CallExpr call:
                precedence = Primary;
                return $"{call.Op}({string.Join(", ", call.Arguments.Select(Format))})";
            case NegateExpr negate:
                precedence = Unary;
                string operand = Format(negate.Operand, out int inner);
                return "-" + (inner <= Unary ? $"({operand})" : operand);
            case BinaryExpr binary:
                precedence = binary.Op is BinaryOp.Add or BinaryOp.Subtract ? Additive : Multiplicative;
                string left = Format(binary.Left, out int leftPrecedence);
                string right = Format(binary.Right, out int rightPrecedence);
                // C#'s binary operators associate to the left, so an equal-precedence right operand needs parentheses.
                if (leftPrecedence < precedence)
                    left = $"({left})";
                if (rightPrecedence <= precedence)
                    right = $"({right})";
                return $"{left} {Symbol(binary.Op)} {right}";
            default:
                throw new ArgumentOutOfRangeException(nameof(expr), expr.GetType().Name, "Unknown expression node.");
        }
    }

    private static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Divide => "/",
        _ => "*",
    };
}
