using Ebm.Generators.Model;

namespace Ebm.Generators.Analysis;

/// <summary>
/// The typing rules of the DSL: which ranks each operator and Ops operation combines, the result's
/// shape, and which sizes must be equal. They mirror the operators of Ebm.Dsl's Scalar, Vec and Mat
/// and the overloads of Ops exactly; a test compares them by reflection so the two cannot drift.
/// </summary>
internal static class ShapeRules
{
    /// <summary>Types <c>left symbol right</c> for symbol one of + - * /.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when no rule combines the ranks.</returns>
    public static bool TryBinary(char symbol, Shape left, Shape right, ShapeUnifier unifier, out BinaryOp op, out Shape result, out string error)
    {
        op = symbol switch { '+' => BinaryOp.Add, '-' => BinaryOp.Subtract, '*' => BinaryOp.Multiply, _ => BinaryOp.Divide };
        error = string.Empty;
        result = left;
        switch (left.Rank, right.Rank)
        {
            case (Rank.Scalar, _):
                result = right;
                return true;
            case (_, Rank.Scalar):
                return true;
            case (Rank.Vector, Rank.Vector):
                unifier.Unite(left.Length, right.Length);
                return true;
            case (Rank.Matrix, Rank.Matrix):
                unifier.Unite(left.Rows, right.Rows);
                unifier.Unite(left.Cols, right.Cols);
                return true;
            case (Rank.Matrix, Rank.Vector) when op is BinaryOp.Add or BinaryOp.Subtract:
                unifier.Unite(left.Cols, right.Length);
                return true;
            case (Rank.Vector, Rank.Matrix) when op is BinaryOp.Add or BinaryOp.Subtract:
                unifier.Unite(right.Cols, left.Length);
                result = right;
                return true;
            case (Rank.Matrix, Rank.Vector) when op is BinaryOp.Multiply:
                unifier.Unite(left.Cols, right.Length);
                op = BinaryOp.MatVec;
                result = Shape.Vector(left.Rows);
                return true;
            case (Rank.Vector, Rank.Matrix) when op is BinaryOp.Multiply:
                unifier.Unite(left.Length, right.Rows);
                op = BinaryOp.VecMat;
                result = Shape.Vector(right.Cols);
                return true;
            default:
                error = $"'{symbol}' is not defined between {Name(left.Rank)} and {Name(right.Rank)}";
                return false;
        }
    }

    /// <summary>Types a call of <paramref name="op"/>.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when the arguments do not fit the operation.</returns>
    public static bool TryCall(OpKind op, IReadOnlyList<Shape> arguments, ShapeUnifier unifier, out Shape result, out string error)
    {
        result = Shape.Scalar;
        error = string.Empty;
        int arity = op == OpKind.Dot ? 2 : 1;
        if (arguments.Count != arity)
        {
            error = $"{op} takes {arity} argument{(arity == 1 ? "" : "s")}, not {arguments.Count}";
            return false;
        }
        Shape x = arguments[0];
        switch (op)
        {
            case OpKind.Sum or OpKind.Norm2 when x.Rank is Rank.Vector or Rank.Matrix:
                return true;
            case OpKind.LogSumExp when x.Rank is Rank.Vector:
                return true;
            case OpKind.Dot when x.Rank is Rank.Vector && arguments[1].Rank is Rank.Vector:
                unifier.Unite(x.Length, arguments[1].Length);
                return true;
            case OpKind.RowSum when x.Rank is Rank.Matrix:
                result = Shape.Vector(x.Rows);
                return true;
            case OpKind.ColSum when x.Rank is Rank.Matrix:
                result = Shape.Vector(x.Cols);
                return true;
            case OpKind.Softmax or OpKind.Softmin when x.Rank is Rank.Vector:
                result = x;
                return true;
            case >= OpKind.Exp and <= OpKind.Abs:
                result = x;
                return true;
            default:
                error = $"{op} takes {Expected(op)}, not {string.Join(" and ", arguments.Select(a => Name(a.Rank)))}";
                return false;
        }
    }

    public static string Name(Rank rank) => rank switch
    {
        Rank.Scalar => "Scalar",
        Rank.Vector => "Vec",
        _ => "Mat",
    };

    private static string Expected(OpKind op) => op switch
    {
        OpKind.Sum or OpKind.Norm2 => "a Vec or a Mat",
        OpKind.Dot => "two Vecs",
        OpKind.RowSum or OpKind.ColSum => "a Mat",
        _ => "a Vec",
    };
}
