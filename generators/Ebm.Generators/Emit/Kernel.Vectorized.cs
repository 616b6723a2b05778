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
            $"    {Lanes}.Store({name}, {Index(shape, varying[id], vars)}, {VectorText(VectorCompute(id, vars, (arg, at) => AlongValue(arg, at, inner)))});",
            $"for (; {inner} < {extent}; {inner}++)",
            $"    {Element(name, shape, varying[id], vars)} = {Compute(id, vars).Text};",
        };
        if (headers.Count > 0)
        {
            Nest(w, headers, body);
            return;
        }
        // The index is declared here, so it needs a block of its own: later loops declare it again.
        w.Line("{");
        w.Indent();
        foreach (var line in body)
            w.Line(line);
        w.Close();
    }

    /// <summary>An operand's vector along <paramref name="inner"/>: a load where it depends on that index, a scalar otherwise.</summary>
    private LaneCode AlongValue(int id, IReadOnlyList<string> vars, string inner)
    {
        if (storage[id] == Storage.Inline)
            return VectorCompute(id, vars, (arg, at) => AlongValue(arg, at, inner));
        Code scalar = Value(id, vars);
        if (storage[id] == Storage.Literal || !vars.Contains(inner))
            return new LaneCode(scalar.Text, scalar.Precedence, false);
        return new LaneCode($"{Lanes}.Load({identifier[id]}, {Index(g.ShapeOf(id), varying[id], vars)})", Primary, true);
    }
}
