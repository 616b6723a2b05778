using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

// Row-major elementwise blocks (one state, or a batch with GEMM products) vectorised along their innermost
// index, which is contiguous in every operand that depends on it; an operand that does not (a per-row scalar,
// a Vec repeated down a Mat's columns, the u of an outer product uvᵀ) is broadcast. The last elements, fewer
// than a vector, go through the scalar expression.
internal sealed partial class Kernel
{
    private void VectorizedBlock(SourceWriter w, int id)
    {
        IrNode node = g[id];
        Shape shape = node.Shape;
        string name = identifier[id]!;
        bool matrix = shape.Rank == Rank.Matrix;
        string inner = matrix ? j : i;
        string extent = bind.Sizes[matrix ? shape.Cols : shape.Length];
        var vars = matrix ? new[] { i, j } : new[] { i };
        var headers = new List<string>();
        if (varying[id])
            headers.Add(ForRows);
        if (matrix)
            headers.Add(For(i, bind.Sizes[shape.Rows]));
        var body = new List<string>
        {
            $"int {inner} = 0;",
            $"for (; {inner} <= {extent} - {Vec}.Count; {inner} += {Vec}.Count)",
            $"    {Lanes}.Store({name}, {Index(shape, varying[id], vars)}, {VectorText(ComputeWith(id, vars, (arg, at) => AlongValue(arg, at, inner)))});",
            $"for (; {inner} < {extent}; {inner}++)",
            $"    {Element(name, shape, varying[id], vars)} = {Compute(id, vars).Text};",
        };
        NestOrScope(w, headers, body);
    }

    /// <summary>An operand's vector along <paramref name="inner"/>: a load where it depends on that index, a scalar otherwise.</summary>
    private LaneCode AlongValue(int id, IReadOnlyList<string> vars, string inner)
    {
        if (storage[id] == Storage.Inline)
            return ComputeWith(id, vars, (arg, at) => AlongValue(arg, at, inner));
        Code scalar = Value(id, vars);
        if (storage[id] == Storage.Literal || !vars.Contains(inner))
            return new LaneCode(scalar.Text, scalar.Precedence, false);
        return new LaneCode($"{Lanes}.Load({identifier[id]}, {Index(g.ShapeOf(id), varying[id], vars)})", Primary, true);
    }

    /// <summary>
    /// Sum, Dot or Norm2 of an inlined expression, vectorised along the operand's innermost index: a vector
    /// accumulator for whole vectors, the scalar expression for the remainder, and one horizontal sum at the end
    /// (per row of a batch).
    /// </summary>
    private void VectorizedReduction(SourceWriter w, int id)
    {
        IrNode node = g[id];
        Shape shape = g.ShapeOf(node.Args[0]);
        bool matrix = shape.Rank == Rank.Matrix;
        string inner = matrix ? j : i;
        string extent = bind.Sizes[matrix ? shape.Cols : shape.Length];
        var vars = matrix ? new[] { i, j } : new[] { i };
        string name = identifier[id]!;
        string total = varying[id] ? sum : name;
        string lanes = names.Fresh("lanes");
        LaneCode VectorValue(int arg) => AlongValue(arg, vars, inner);

        string vectorTerm, scalarTerm;
        var vectorPrefix = new List<string>();
        switch (node.Op)
        {
            case IrOp.Sum:
                vectorTerm = VectorText(VectorValue(node.Args[0]));
                scalarTerm = Value(node.Args[0], vars).Text;
                break;
            case IrOp.Dot:
                vectorTerm = VectorText(LaneBinary(VectorValue(node.Args[0]), "*", VectorValue(node.Args[1]), Multiplicative));
                scalarTerm = Binary(Value(node.Args[0], vars), "*", Value(node.Args[1], vars), Multiplicative).Text;
                break;
            default:
                vectorPrefix.Add($"var {element} = {VectorText(VectorValue(node.Args[0]))};");
                vectorTerm = $"{element} * {element}";
                scalarTerm = null!;
                break;
        }

        var inside = new List<string> { $"int {inner} = 0;" };
        inside.Add($"for (; {inner} <= {extent} - {Vec}.Count; {inner} += {Vec}.Count)");
        if (vectorPrefix.Count == 0)
            inside.Add($"    {lanes} += {vectorTerm};");
        else
        {
            inside.Add("{");
            inside.AddRange(vectorPrefix.Select(line => "    " + line));
            inside.Add($"    {lanes} += {vectorTerm};");
            inside.Add("}");
        }
        inside.Add($"for (; {inner} < {extent}; {inner}++)");
        if (scalarTerm is not null)
            inside.Add($"    {total} += {scalarTerm};");
        else
        {
            inside.Add("{");
            inside.Add($"    float {element} = {Value(node.Args[0], vars).Text};");
            inside.Add($"    {total} += {element} * {element};");
            inside.Add("}");
        }

        var body = new List<string> { $"var {lanes} = {Vec}.Zero;" };
        if (matrix)
        {
            body.Add(For(i, bind.Sizes[shape.Rows]));
            body.Add("{");
            body.AddRange(inside.Select(line => "    " + line));
            body.Add("}");
        }
        else
            body.AddRange(inside);
        body.Add(varying[id] ? $"{name}[{r}] = {total} + global::System.Numerics.Vector.Sum({lanes});" : $"{total} += global::System.Numerics.Vector.Sum({lanes});");

        if (varying[id])
        {
            w.Open(ForRows);
            w.Line($"float {total} = 0f;");
            foreach (var line in body)
                w.Line(line);
            w.Close();
            return;
        }
        w.Line($"float {name} = 0f;");
        // The indices and the accumulator are declared here, so they need a block of their own.
        w.Line("{");
        w.Indent();
        foreach (var line in body)
            w.Line(line);
        w.Close();
    }
}
