using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

// Lane mode: a batch whose products need no GEMM (a mixture, a small quadratic form) has rows too narrow to
// vectorise along, so it is vectorised across them. The batch is cut into tiles of TileRows rows; each state
// input is transposed into runs, one per element, so that element k of the tile's rows is contiguous and one
// Vector<float> holds it for Vector<float>.Count rows. Every value that depends on the state is then stored
// the same way (element k of row l at k·tile + l) and computed by vector expressions; values that do not are
// computed once before the tiles, as in a row-major batch, and broadcast. Lanes past the tile's last row hold
// zero inputs and whatever follows from them: outputs copy only real rows, and sums over the batch mask them.
internal sealed partial class Kernel
{
    /// <summary>Rows per tile: a multiple of every vector width, small enough for a tile's values to stay in L1.</summary>
    private const int TileRows = 64;

    private const string Lanes = "global::Ebm.Numerics.Lanes";
    private const string Vec = "global::System.Numerics.Vector<float>";

    private readonly Dictionary<int, string> laneInputs = new();
    // A log-sum-exp whose softmax (its adjoint's factor) is stored too: both come from one pass of exponentials.
    private readonly Dictionary<int, int> softmaxWithLogSumExp = new();

    private readonly record struct LaneCode(string Text, int Precedence, bool IsVector);

    private void EmitLanes(SourceWriter w)
    {
        foreach (int id in Enumerable.Range(0, g.Count).Where(id => live[id] && varying[id] && storage[id] == Storage.Input))
            laneInputs[id] = names.Fresh(identifier[id] + "Lanes");
        foreach (int lse in Enumerable.Range(0, g.Count).Where(id => live[id] && varying[id] && g[id].Op == IrOp.LogSumExp && storage[id] == Storage.Buffer))
        {
            int? softmax = Enumerable.Range(lse + 1, g.Count - lse - 1).Cast<int?>().FirstOrDefault(id =>
                live[id!.Value] && g[id.Value].Op == IrOp.Softmax && g[id.Value].Args[0] == g[lse].Args[0] && storage[id.Value] == Storage.Buffer);
            if (softmax is int s)
                softmaxWithLogSumExp[lse] = s;
        }
        var shared = Enumerable.Range(0, g.Count).Where(id => live[id] && storage[id] == Storage.Buffer && !varying[id]).ToList();
        var perTile = Enumerable.Range(0, g.Count).Where(id => live[id] && storage[id] is Storage.Buffer or Storage.Input && varying[id]).ToList();

        w.Line($"const int {tile} = {TileRows};");
        string rented = names.Fresh("rented"), scratch = names.Fresh("scratch");
        w.Line($"float[] {rented} = {Pool}.Rent({TotalLength(shared.Concat(perTile))});");
        w.Line($"{Span} {scratch} = {rented};");
        foreach (int id in shared.Concat(perTile))
            w.Line($"{Span} {LaneBuffer(id)} = {Support}.Take(ref {scratch}, {Length(id)});");

        for (int id = 0; id < g.Count; id++)
        {
            if (live[id] && !varying[id] && storage[id] is Storage.Local or Storage.Buffer)
            {
                w.Line();
                Block(w, id);
            }
        }

        w.Line();
        w.Line($"// One row per lane: each tile's states are transposed so that element k of its rows is contiguous.");
        w.Open($"for (int {first} = 0; {first} < {bind.Count}; {first} += {tile})");
        w.Line($"int {rows} = global::System.Math.Min({tile}, {bind.Count} - {first});");
        foreach (var input in laneInputs)
            w.Line($"{Lanes}.ToLanes({identifier[input.Key]}, {first}, {rows}, {Width(g.ShapeOf(input.Key))}, {input.Value}, {tile});");
        for (int id = 0; id < g.Count; id++)
        {
            if (live[id] && varying[id] && storage[id] == Storage.Buffer)
            {
                w.Line();
                if (softmaxWithLogSumExp.ContainsValue(id))
                    w.Line($"// {identifier[id]} = {Describe(id)}: computed with LogSumExp({Label(g[id].Args[0])}) above");
                else
                    LaneBlock(w, id);
            }
        }
        foreach (var output in outputs.Where(o => o.Output.Node is int node && varying[node]))
            FinishLanes(w, output);
        w.Close();

        foreach (var output in outputs.Where(o => o.Output.Node is not int node || !varying[node]))
            Finish(w, output);
        w.Line();
        w.Line($"{Pool}.Return({rented});");
    }

    private string LaneBuffer(int id) => laneInputs.TryGetValue(id, out var name) ? name : identifier[id]!;

    /// <summary>Elements per row of a value: the width of its runs.</summary>
    private string Width(Shape shape) => shape.Rank == Rank.Scalar ? "1" : string.Join(" * ", shape.Sizes.Select(s => bind.Sizes[s]));

    /// <summary>The offset of an element's run: k·tile + l, with k row-major within the row.</summary>
    private string LaneOffset(Shape shape, IReadOnlyList<string> vars) => shape.Rank switch
    {
        Rank.Scalar => lane,
        Rank.Vector => $"{vars[0]} * {tile} + {lane}",
        _ => $"({vars[0]} * {bind.Sizes[shape.Cols]} + {vars[1]}) * {tile} + {lane}",
    };

    private string ForLanes => $"for (int {lane} = 0; {lane} < {rows}; {lane} += {Vec}.Count)";

    private string Store(int id, IReadOnlyList<string> vars, string value) => $"{Lanes}.Store({LaneBuffer(id)}, {LaneOffset(g.ShapeOf(id), vars)}, {value});";

    private string Load(int id, IReadOnlyList<string> vars) => $"{Lanes}.Load({LaneBuffer(id)}, {LaneOffset(g.ShapeOf(id), vars)})";

    private void LaneBlock(SourceWriter w, int id)
    {
        IrNode node = g[id];
        w.Line(Comment(id, IsEnergy(id) ? "E" : identifier[id]!));
        string acc = sum;
        if (node.IsElementwise)
        {
            var headers = IndexLoops(node.Shape, out var vars).Append(ForLanes).ToList();
            Nest(w, headers, new[] { Store(id, vars, VectorText(LaneCompute(id, vars))) });
            return;
        }

        switch (node.Op)
        {
            case IrOp.Sum or IrOp.Norm2 or IrOp.Dot:
            {
                var body = new List<string> { $"var {acc} = {Vec}.Zero;" };
                body.AddRange(IndexLoops(g.ShapeOf(node.Args[0]), out var vars).Select((h, k) => new string(' ', 4 * k) + h));
                string indent = new string(' ', 4 * vars.Count);
                LaneCode x = LaneValue(node.Args[0], vars);
                if (node.Op == IrOp.Norm2 && x.IsVector)
                {
                    body.Add($"{indent}{{");
                    body.Add($"{indent}    var {element} = {x.Text};");
                    body.Add($"{indent}    {acc} += {element} * {element};");
                    body.Add($"{indent}}}");
                }
                else if (node.Op == IrOp.Norm2)
                    body.Add($"{indent}{acc} += {Square(x)};");
                else if (node.Op == IrOp.Dot)
                    body.Add($"{indent}{acc} += {VectorText(LaneBinary(x, "*", LaneValue(node.Args[1], vars), Multiplicative))};");
                else
                    body.Add($"{indent}{acc} += {VectorText(x)};");
                body.Add(Store(id, Array.Empty<string>(), acc));
                Nest(w, new[] { ForLanes }, body);
                return;
            }
            case IrOp.RowSum or IrOp.ColSum:
            {
                Shape m = g.ShapeOf(node.Args[0]);
                bool rowSum = node.Op == IrOp.RowSum;
                string outer = rowSum ? i : j, inner = rowSum ? j : i;
                var body = new List<string>
                {
                    $"var {acc} = {Vec}.Zero;",
                    For(inner, bind.Sizes[rowSum ? m.Cols : m.Rows]),
                    $"    {acc} += {VectorText(LaneValue(node.Args[0], new[] { i, j }))};",
                    Store(id, new[] { outer }, acc),
                };
                Nest(w, new[] { For(outer, bind.Sizes[rowSum ? m.Rows : m.Cols]), ForLanes }, body);
                return;
            }
            case IrOp.MatVec or IrOp.VecMat:
            {
                bool matVec = node.Op == IrOp.MatVec;
                int m = node.Args[matVec ? 0 : 1], x = node.Args[matVec ? 1 : 0];
                Shape shape = g.ShapeOf(m);
                string outer = matVec ? i : j, inner = matVec ? j : i;
                var product = LaneBinary(LaneValue(m, new[] { i, j }), "*", LaneValue(x, new[] { inner }), Multiplicative);
                var body = new List<string>
                {
                    $"var {acc} = {Vec}.Zero;",
                    For(inner, bind.Sizes[matVec ? shape.Cols : shape.Rows]),
                    $"    {acc} += {VectorText(product)};",
                    Store(id, new[] { outer }, acc),
                };
                Nest(w, new[] { For(outer, bind.Sizes[matVec ? shape.Rows : shape.Cols]), ForLanes }, body);
                return;
            }
            case IrOp.Diagonal:
                Nest(w, new[] { For(i, bind.Sizes[g.ShapeOf(node.Args[0]).Rows]), ForLanes },
                    new[] { Store(id, new[] { i }, VectorText(LaneValue(node.Args[0], new[] { i, i }))) });
                return;
            case IrOp.LogSumExp or IrOp.Softmax or IrOp.Softmin:
                LaneSoftmax(w, id);
                return;
            default:
                throw new InvalidOperationException($"No lane emission for {node.Op}.");
        }
    }

    /// <summary>
    /// Log-sum-exp and softmax over a vector per lane, shifted by the lane's maximum (zero where that is not
    /// finite, so that all −∞ gives −∞ and any +∞ gives +∞); softmin is softmax of the negated vector. A
    /// log-sum-exp whose softmax is stored as well (the adjoint of one is the other) writes both from one pass
    /// of exponentials: the softmax is eᵢ/Σe with the eᵢ the log-sum-exp sums.
    /// </summary>
    private void LaneSoftmax(SourceWriter w, int id)
    {
        IrNode node = g[id];
        int v = node.Args[0];
        string size = bind.Sizes[g.ShapeOf(v).Length];
        string sign = node.Op == IrOp.Softmin ? "-" : "";
        string max = names.Fresh("max"), shift = names.Fresh("shift"), e = element, acc = sum;
        string x = $"{sign}{Load(v, new[] { i })}";
        var body = new List<string>
        {
            $"var {max} = new {Vec}(float.NegativeInfinity);",
            For(i, size),
            $"    {max} = {Lanes}.Max({max}, {x});",
            $"var {shift} = {Lanes}.Shift({max});",
            $"var {acc} = {Vec}.Zero;",
        };
        int? softmax = node.Op == IrOp.LogSumExp ? (softmaxWithLogSumExp.TryGetValue(id, out int paired) ? paired : null) : id;
        if (softmax is int p)
        {
            body.Add(For(i, size));
            body.Add("{");
            body.Add($"    var {e} = {Lanes}.Exp({x} - {shift});");
            body.Add($"    {Store(p, new[] { i }, e)}");
            body.Add($"    {acc} += {e};");
            body.Add("}");
        }
        else
        {
            body.Add(For(i, size));
            body.Add($"    {acc} += {Lanes}.Exp({x} - {shift});");
        }
        if (node.Op == IrOp.LogSumExp)
            body.Add(Store(id, Array.Empty<string>(), $"{shift} + {Lanes}.Log({acc})"));
        if (softmax is int q)
        {
            body.Add($"{acc} = {Vec}.One / {acc};");
            body.Add(For(i, size));
            body.Add($"    {Store(q, new[] { i }, $"{Load(q, new[] { i })} * {acc}")}");
        }
        Nest(w, new[] { ForLanes }, body);
    }

    /// <summary>The outputs that depend on the state, for the tile's rows: copied out of the runs, or summed over the lanes.</summary>
    private void FinishLanes(SourceWriter w, OutputPlan plan)
    {
        IrOutput output = plan.Output;
        int node = output.Node!.Value;
        string destination = plan.Destination!;
        w.Line();
        switch (output.Kind)
        {
            case OutputKind.Energy:
                w.Line($"{LaneBuffer(node)}.Slice(0, {rows}).CopyTo({destination}.Slice({first}, {rows}));");
                return;
            case OutputKind.StateGradient or OutputKind.Conditional:
                w.Line($"// {(output.Kind == OutputKind.StateGradient ? $"∂E/∂{output.Name}" : output.Name)} = {Label(node)}, back to one row per state");
                w.Line($"{Lanes}.FromLanes({LaneBuffer(node)}, {tile}, {destination}, {first}, {rows}, {Width(g.ShapeOf(node))});");
                return;
        }

        Shape shape = g.ShapeOf(node);
        w.Line($"// Σ weight · ∂{objective}/∂{output.Name} = {Label(node)} summed over the tile's rows (lanes past the last row masked)");
        var headers = IndexLoops(shape, out var vars).ToList();
        string target = shape.Rank == Rank.Scalar ? $"{destination}[0]" : Element(destination, shape, perRow: false, vars);
        string acc = sum;
        var body = new[]
        {
            $"var {acc} = {Vec}.Zero;",
            ForLanes,
            $"    {acc} += {Lanes}.KeepFirst({VectorText(LaneValue(node, vars))}, {rows} - {lane});",
            $"{target} += global::System.Numerics.Vector.Sum({acc});",
        };
        NestOrScope(w, headers, body);
    }

    /// <summary>An element at lane l: a vector load for a value that varies, the shared element otherwise.</summary>
    private LaneCode LaneValue(int id, IReadOnlyList<string> vars)
    {
        if (!varying[id])
        {
            Code shared = Value(id, vars);
            return new LaneCode(shared.Text, shared.Precedence, false);
        }
        return storage[id] == Storage.Inline ? LaneCompute(id, vars) : new LaneCode(Load(id, vars), Primary, true);
    }

    private LaneCode LaneCompute(int id, IReadOnlyList<string> vars) => ComputeWith(id, vars, LaneValue);

    /// <summary>
    /// The operation of an elementwise node on its operands from <paramref name="value"/>: scalar C# where every
    /// operand is a scalar (the one-state and row-major code), a vector expression as soon as one is a vector.
    /// </summary>
    private LaneCode ComputeWith(int id, IReadOnlyList<string> vars, Func<int, IReadOnlyList<string>, LaneCode> value)
    {
        IrNode node = g[id];
        LaneCode Arg(int k) => value(node.Args[k], ArgVars(id, k, vars));
        switch (node.Op)
        {
            case IrOp.Negate:
                var operand = Arg(0);
                var (text, precedence) = IrFormatter.Negation((operand.Text, operand.Precedence));
                return new LaneCode(text, precedence, operand.IsVector);
            case IrOp.Add:
                return LaneBinary(Arg(0), "+", Arg(1), Additive);
            case IrOp.Subtract:
                return LaneBinary(Arg(0), "-", Arg(1), Additive);
            case IrOp.Multiply or IrOp.Silu or IrOp.Outer:
                return LaneBinary(Arg(0), "*", Arg(1), Multiplicative);
            case IrOp.Divide:
                return LaneBinary(Arg(0), "/", Arg(1), Multiplicative);
            case IrOp.Square:
                var x = Arg(0);
                return LaneBinary(x, "*", x, Multiplicative);
            case IrOp.Broadcast or IrOp.BroadcastRows or IrOp.BroadcastCols:
                return Arg(0);
            default:
                var argument = Arg(0);
                return argument.IsVector
                    ? new LaneCode($"{Lanes}.{LaneFunction(node.Op)}({argument.Text})", Primary, true)
                    : new LaneCode($"{Function(node.Op)}({argument.Text})", Primary, false);
        }
    }

    private static string LaneFunction(IrOp op) => op switch
    {
        IrOp.Exp => "Exp",
        IrOp.Log => "Log",
        IrOp.Tanh => "Tanh",
        IrOp.Sqrt => "Sqrt",
        IrOp.Abs => "Abs",
        IrOp.Log1p => "Log1p",
        IrOp.Softplus => "Softplus",
        IrOp.Sigmoid => "Sigmoid",
        IrOp.LogSigmoid => "LogSigmoid",
        IrOp.Sign => "Sign",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an elementwise function."),
    };

    /// <summary>A binary operation; a shared operand beside a vector one is broadcast to every lane.</summary>
    private static LaneCode LaneBinary(LaneCode left, string symbol, LaneCode right, int precedence)
    {
        bool vector = left.IsVector || right.IsVector;
        if (vector)
        {
            left = Broadcast(left);
            right = Broadcast(right);
        }
        var (text, outer) = IrFormatter.Binary((left.Text, left.Precedence), symbol, (right.Text, right.Precedence), precedence);
        return new LaneCode(text, outer, vector);
    }

    private static LaneCode Broadcast(LaneCode code) => code.IsVector ? code : new LaneCode($"new {Vec}({code.Text})", Primary, true);

    private static string VectorText(LaneCode code) => Broadcast(code).Text;

    private static string Square(LaneCode x) => VectorText(LaneBinary(x, "*", x, Multiplicative));
}
