using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

// Emission: scratch memory, one commented block per stored node in graph order, then the outputs.
internal sealed partial class Kernel
{
    private const string Span = "global::System.Span<float>";
    private const string Pool = "global::System.Buffers.ArrayPool<float>.Shared";
    private const string TensorPrimitives = "global::System.Numerics.Tensors.TensorPrimitives";
    private const string Blas = "global::Ebm.LinearAlgebra.Blas";
    private const string Transpose = "global::Ebm.LinearAlgebra.Transpose";

    /// <summary>For one state, the expression of the energy to return; valid once <see cref="Emit"/> has run.</summary>
    public string? Returned { get; private set; }

    public void Emit(SourceWriter w)
    {
        if (lanes)
        {
            EmitLanes(w);
            return;
        }
        var buffers = Enumerable.Range(0, g.Count).Where(id => live[id] && storage[id] == Storage.Buffer && !inPlace.ContainsKey(id)).ToList();
        string? rented = null;
        if (buffers.Count > 0)
        {
            // One rented array per call, cut into the intermediate values: no allocation once the pool is warm,
            // and no state in the model object, which therefore stays safe to share between threads.
            rented = names.Fresh("rented");
            string scratch = names.Fresh("scratch");
            w.Line($"float[] {rented} = {Pool}.Rent({TotalLength(buffers)});");
            w.Line($"{Span} {scratch} = {rented};");
            foreach (int id in buffers)
                w.Line($"{Span} {identifier[id]} = {Support}.Take(ref {scratch}, {Length(id)});");
        }

        for (int id = 0; id < g.Count; id++)
        {
            if (live[id] && storage[id] is Storage.Local or Storage.Buffer)
            {
                w.Line();
                Block(w, id);
            }
        }
        foreach (var output in outputs)
            Finish(w, output);

        if (rented is not null)
        {
            w.Line();
            w.Line($"{Pool}.Return({rented});");
        }
    }

    private void Block(SourceWriter w, int id)
    {
        IrNode node = g[id];
        string name = identifier[id]!;
        w.Line(Comment(id, IsEnergy(id) ? outputs.First(o => o.Output.Kind == OutputKind.Energy && o.Output.Node == id).Output.Name : name));
        if (node.IsElementwise)
        {
            if (storage[id] == Storage.Local)
                w.Line($"float {name} = {Compute(id, Array.Empty<string>()).Text};");
            else if (node.Shape.Rank != Rank.Scalar)
                VectorizedBlock(w, id);
            else
                Loops(w, node.Shape, varying[id], vars => new[] { $"{Element(name, node.Shape, varying[id], vars)} = {Compute(id, vars).Text};" });
            return;
        }

        switch (node.Op)
        {
            case IrOp.Sum or IrOp.Norm2 or IrOp.Dot:
                Reduction(w, id);
                return;
            case IrOp.LogSumExp:
                Scalar(w, id, $"{StableMath}.LogSumExp({RowSpan(node.Args[0])})");
                return;
            case IrOp.Softmax or IrOp.Softmin:
                PerRow(w, varying[id], $"{StableMath}.{node.Op}({RowSpan(node.Args[0])}, {RowSpan(id)}, 1f);");
                return;
            case IrOp.RowSum:
                RowSum(w, id);
                return;
            case IrOp.ColSum:
                ColSum(w, id);
                return;
            case IrOp.MatVec:
                MatVec(w, id);
                return;
            case IrOp.VecMat:
                VecMat(w, id);
                return;
            case IrOp.Diagonal:
                Diagonal(w, id);
                return;
            default:
                throw new InvalidOperationException($"No emission for {node.Op}.");
        }
    }

    /// <summary>Sum, Norm2 and Dot: one TensorPrimitives call per row when the operands are stored, a loop when one is inlined.</summary>
    private void Reduction(SourceWriter w, int id)
    {
        IrNode node = g[id];
        if (node.Args.All(arg => storage[arg] != Storage.Inline))
        {
            string call = node.Op switch
            {
                IrOp.Sum => $"{TensorPrimitives}.Sum({RowSpan(node.Args[0])})",
                IrOp.Norm2 => $"{TensorPrimitives}.SumOfSquares({RowSpan(node.Args[0])})",
                _ => $"{TensorPrimitives}.Dot({RowSpan(node.Args[0])}, {RowSpan(node.Args[1])})",
            };
            Scalar(w, id, call);
            return;
        }

        Shape shape = g.ShapeOf(node.Args[0]);
        if (shape.Rank != Rank.Scalar)
        {
            VectorizedReduction(w, id);
            return;
        }
        string name = identifier[id]!;
        string sum = varying[id] ? this.sum : name;
        IReadOnlyList<string> Body(IReadOnlyList<string> vars)
        {
            Code x = Value(node.Args[0], vars);
            return node.Op switch
            {
                IrOp.Sum => new[] { $"{sum} += {x.Text};" },
                IrOp.Dot => new[] { $"{sum} += {Binary(x, "*", Value(node.Args[1], vars), Multiplicative).Text};" },
                _ => new[] { $"float {element} = {x.Text};", $"{sum} += {element} * {element};" },
            };
        }

        if (!varying[id])
        {
            w.Line($"float {name} = 0f;");
            Loops(w, shape, perRow: false, Body);
            return;
        }
        w.Open(ForRows);
        w.Line($"float {sum} = 0f;");
        Loops(w, shape, perRow: false, Body);
        w.Line($"{name}[{r}] = {sum};");
        w.Close();
    }

    private void RowSum(SourceWriter w, int id)
    {
        int m = g[id].Args[0];
        Shape shape = g.ShapeOf(m);
        string rows = bind.Sizes[shape.Rows], cols = bind.Sizes[shape.Cols];
        string target = Element(identifier[id]!, g.ShapeOf(id), varying[id], new[] { i });
        var headers = new List<string>();
        if (varying[id])
            headers.Add(ForRows);
        headers.Add(For(i, rows));
        if (storage[m] != Storage.Inline)
        {
            Nest(w, headers, new[] { $"{target} = {TensorPrimitives}.Sum({MatrixRow(m, i)});" });
            return;
        }
        Nest(w, headers, new[]
        {
            $"float {sum} = 0f;",
            For(j, cols),
            $"    {sum} += {Value(m, new[] { i, j }).Text};",
            $"{target} = {sum};",
        });
    }

    private void ColSum(SourceWriter w, int id)
    {
        int m = g[id].Args[0];
        Shape shape = g.ShapeOf(m);
        string name = identifier[id]!;
        w.Line($"{name}.Clear();");
        var headers = new List<string>();
        if (varying[id])
            headers.Add(ForRows);
        headers.Add(For(i, bind.Sizes[shape.Rows]));
        headers.Add(For(j, bind.Sizes[shape.Cols]));
        Nest(w, headers, new[] { Accumulate(Element(name, g.ShapeOf(id), varying[id], new[] { j }), m, new[] { i, j }) });
    }

    /// <summary>y = Wx: over a batch with a shared W one GEMM, Y = X·Wᵀ; otherwise a dot product per row of W.</summary>
    private void MatVec(SourceWriter w, int id)
    {
        int m = g[id].Args[0], x = g[id].Args[1];
        Shape shape = g.ShapeOf(m);
        string rows = bind.Sizes[shape.Rows], cols = bind.Sizes[shape.Cols];
        if (batch && varying[x] && !varying[m])
        {
            w.Line($"{Blas}.Gemm({Transpose}.No, {Transpose}.Yes, {bind.Count}, {rows}, {cols}, 1f, {identifier[x]}, {identifier[m]}, 0f, {identifier[id]});");
            return;
        }
        var headers = new List<string>();
        if (varying[id])
            headers.Add(ForRows);
        headers.Add(For(i, rows));
        Nest(w, headers, new[] { $"{Element(identifier[id]!, g.ShapeOf(id), varying[id], new[] { i })} = {TensorPrimitives}.Dot({MatrixRow(m, i)}, {RowSpan(x)});" });
    }

    /// <summary>y = xW: over a batch with a shared W one GEMM, Y = X·W; otherwise y accumulates xᵢ·(row i of W).</summary>
    private void VecMat(SourceWriter w, int id)
    {
        int x = g[id].Args[0], m = g[id].Args[1];
        Shape shape = g.ShapeOf(m);
        string rows = bind.Sizes[shape.Rows], cols = bind.Sizes[shape.Cols];
        if (batch && varying[x] && !varying[m])
        {
            w.Line($"{Blas}.Gemm({Transpose}.No, {Transpose}.No, {bind.Count}, {cols}, {rows}, 1f, {identifier[x]}, {identifier[m]}, 0f, {identifier[id]});");
            return;
        }
        string y = RowSpan(id);
        var body = new List<string>
        {
            $"{y}.Clear();",
            For(i, rows),
            $"    {TensorPrimitives}.MultiplyAdd({MatrixRow(m, i)}, {Value(x, new[] { i }).Text}, {y}, {y});",
        };
        if (varying[id])
            Nest(w, new[] { ForRows }, body);
        else
            foreach (var line in body)
                w.Line(line);
    }

    /// <summary>yᵢ = Mᵢᵢ, one strided read per row.</summary>
    private void Diagonal(SourceWriter w, int id)
    {
        int m = g[id].Args[0];
        Shape shape = g.ShapeOf(m);
        var headers = new List<string>();
        if (varying[id])
            headers.Add(ForRows);
        headers.Add(For(i, bind.Sizes[shape.Rows]));
        Nest(w, headers, new[] { $"{Element(identifier[id]!, g.ShapeOf(id), varying[id], new[] { i })} = {Value(m, new[] { i, i }).Text};" });
    }

    /// <summary>A scalar computed by one expression: a local, or one entry per row of a batch.</summary>
    private void Scalar(SourceWriter w, int id, string expression)
    {
        if (varying[id])
            Nest(w, new[] { ForRows }, new[] { $"{identifier[id]}[{r}] = {expression};" });
        else
            w.Line($"float {identifier[id]} = {expression};");
    }

    private void PerRow(SourceWriter w, bool perRow, string statement)
    {
        if (perRow)
            Nest(w, new[] { ForRows }, new[] { statement });
        else
            w.Line(statement);
    }

    /// <summary>The outputs that are not computed in place: the energy returned or filled, gradients copied, cleared or accumulated.</summary>
    private void Finish(SourceWriter w, OutputPlan plan)
    {
        IrOutput output = plan.Output;
        int? node = output.Node;
        string? destination = plan.Destination;
        if (output.Kind == OutputKind.Energy)
        {
            if (!batch)
                Returned = node is int e ? Value(e, Array.Empty<string>()).Text : "0f";
            else if (node is null)
            {
                w.Line();
                w.Line($"// {output.Name} = 0 identically");
                w.Line($"{destination}.Clear();");
            }
            else if (node is int e && !inPlace.ContainsKey(e))
            {
                w.Line();
                w.Line($"// E does not depend on the state: every row gets {Describe(e)}");
                w.Line($"{destination}.Fill({Value(e, Array.Empty<string>()).Text});");
            }
            return;
        }

        if (output.Kind is OutputKind.StateGradient or OutputKind.Conditional)
        {
            if (node is int gradient && inPlace.TryGetValue(gradient, out var written) && written == destination)
                return;
            w.Line();
            string what = output.Kind == OutputKind.StateGradient ? $"∂E/∂{output.Name}" : output.Name;
            if (node is not int value)
            {
                w.Line(output.Kind == OutputKind.StateGradient
                    ? $"// ∂E/∂{output.Name} = 0: the energy does not depend on {output.Name}"
                    : $"// {output.Name} = 0");
                w.Line($"{destination}.Clear();");
                return;
            }
            w.Line($"// {what} = {Label(value)}");
            Loops(w, g.ShapeOf(value), batch, vars => new[] { $"{Element(destination!, g.ShapeOf(value), batch, vars)} = {Value(value, vars).Text};" });
            return;
        }

        w.Line();
        if (node is not int parameterGradient)
        {
            w.Line(objective == "E"
                ? $"// ∂E/∂{output.Name} = 0: the energy does not depend on {output.Name}, so nothing is added"
                : $"// ∂{objective}/∂{output.Name} = 0: {objective} does not depend on {output.Name}, so nothing is added");
            return;
        }
        Shape shape = g.ShapeOf(parameterGradient);
        if (plan.Terms is { } terms)
        {
            w.Line($"// Σ weight · ∂{objective}/∂{output.Name} = {Describe(parameterGradient)} summed over the batch: one GEMM (Uᵀ·V) per outer product");
            foreach (var term in terms)
            {
                string alpha = term.Scale is int scale ? Value(scale, Array.Empty<string>()).Text : "1f";
                if (term.Negative)
                    alpha = alpha == "1f" ? "-1f" : Negation(new Code(alpha, Primary)).Text;
                w.Line($"{Blas}.Gemm({Transpose}.Yes, {Transpose}.No, {bind.Sizes[shape.Rows]}, {bind.Sizes[shape.Cols]}, {bind.Count}, {alpha}, {identifier[term.U]}, {identifier[term.V]}, 1f, {destination});");
            }
            return;
        }
        w.Line($"// Σ weight · ∂{objective}/∂{output.Name} = {Label(parameterGradient)} summed over the batch");
        var headers = new List<string>();
        if (batch)
            headers.Add(ForRows);
        headers.AddRange(IndexLoops(shape, out var indices));
        string target = shape.Rank == Rank.Scalar ? $"{destination}[0]" : Element(destination!, shape, perRow: false, indices);
        Nest(w, headers, new[] { Accumulate(target, parameterGradient, indices) });
    }

    /// <summary>target += the node's element, or target −= x for an inlined −x.</summary>
    private string Accumulate(string target, int id, IReadOnlyList<string> vars) =>
        storage[id] == Storage.Inline && g[id].Op == IrOp.Negate
            ? $"{target} -= {Value(g[id].Args[0], vars).Text};"
            : $"{target} += {Value(id, vars).Text};";

    private string ForRows => For(r, bind.Count);

    private static string For(string index, string bound) => $"for (int {index} = 0; {index} < {bound}; {index}++)";

    private IEnumerable<string> IndexLoops(Shape shape, out IReadOnlyList<string> vars)
    {
        switch (shape.Rank)
        {
            case Rank.Vector:
                vars = new[] { i };
                return new[] { For(i, bind.Sizes[shape.Length]) };
            case Rank.Matrix:
                vars = new[] { i, j };
                return new[] { For(i, bind.Sizes[shape.Rows]), For(j, bind.Sizes[shape.Cols]) };
            default:
                vars = Array.Empty<string>();
                return Array.Empty<string>();
        }
    }

    /// <summary>Loops over a shape's elements, and over the rows of the batch first when <paramref name="perRow"/>.</summary>
    private void Loops(SourceWriter w, Shape shape, bool perRow, Func<IReadOnlyList<string>, IReadOnlyList<string>> body)
    {
        var headers = new List<string>();
        if (perRow)
            headers.Add(ForRows);
        headers.AddRange(IndexLoops(shape, out var vars));
        Nest(w, headers, body(vars));
    }

    /// <summary>Nested loop headers around a body: without braces for a single statement, with braces around several.</summary>
    /// <summary>
    /// <see cref="Nest"/> under loop headers; with none, the body in a block of its own, because it declares locals
    /// (an accumulator, a loop index) that later bodies declare again.
    /// </summary>
    private static void NestOrScope(SourceWriter w, IReadOnlyList<string> headers, IReadOnlyList<string> body)
    {
        if (headers.Count > 0)
        {
            Nest(w, headers, body);
            return;
        }
        w.Line("{");
        w.Indent();
        foreach (var line in body)
            w.Line(line);
        w.Close();
    }

    private static void Nest(SourceWriter w, IReadOnlyList<string> headers, IReadOnlyList<string> body)
    {
        if (body.Count > 1 && headers.Count > 0)
        {
            for (int k = 0; k < headers.Count - 1; k++)
            {
                w.Line(headers[k]);
                w.Indent();
            }
            w.Open(headers[headers.Count - 1]);
            foreach (var line in body)
                w.Line(line);
            w.Close();
            for (int k = 0; k < headers.Count - 1; k++)
                w.Outdent();
            return;
        }
        foreach (var header in headers)
        {
            w.Line(header);
            w.Indent();
        }
        foreach (var line in body)
            w.Line(line);
        foreach (var _ in headers)
            w.Outdent();
    }

    /// <summary>A stored value as a span: the current row of a batch when it varies, the whole value otherwise.</summary>
    private string RowSpan(int id)
    {
        string name = identifier[id]!;
        if (!varying[id])
            return name;
        string length = string.Join(" * ", g.ShapeOf(id).Sizes.Select(s => bind.Sizes[s]));
        return g.ShapeOf(id).Rank == Rank.Scalar ? $"{name}.Slice({r}, 1)" : $"{name}.Slice({r} * {length}, {length})";
    }

    /// <summary>Row <paramref name="row"/> of a stored matrix as a span (of the current batch row's matrix when it varies).</summary>
    private string MatrixRow(int id, string row)
    {
        Shape shape = g.ShapeOf(id);
        string rows = bind.Sizes[shape.Rows], cols = bind.Sizes[shape.Cols];
        return varying[id]
            ? $"{identifier[id]}.Slice(({r} * {rows} + {row}) * {cols}, {cols})"
            : $"{identifier[id]}.Slice({row} * {cols}, {cols})";
    }
}
