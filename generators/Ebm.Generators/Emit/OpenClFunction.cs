using System.Globalization;
using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

/// <summary>
/// One IR program as an OpenCL C 1.2 function over one chain: the states are private copies of the chain's rows,
/// the parameters one <c>__global const float*</c> laid out as <see cref="OpenClLayout"/>, every stored value a
/// private scalar or array whose length is a size macro, so one work item computes the whole program with
/// plain loops. The programs are the ones the C# emitter uses (<see cref="EnergyPrograms"/>,
/// <c>StructurePrograms</c>), so both backends compute the same derivatives.
/// </summary>
internal sealed class OpenClFunction
{
    private readonly IrGraph g;
    private readonly OpenClLayout layout;
    private readonly bool[] live;
    private bool started;

    private OpenClFunction(IrProgram program, OpenClLayout layout)
    {
        g = program.Graph;
        this.layout = layout;
        live = g.Reachable(program.Outputs.Where(o => o.Node is int).Select(o => o.Node!.Value));
    }

    /// <summary>
    /// Writes <c>float|void name(p, s0 … sN, out…)</c>: the energy output, if any, is returned; every other
    /// output is written whole to a private array parameter named as given.
    /// </summary>
    /// <param name="writer">Receives the function.</param>
    /// <param name="program">The program.</param>
    /// <param name="layout">Where states, parameters and sizes are.</param>
    /// <param name="name">The function's name.</param>
    /// <param name="summary">The comment before it.</param>
    /// <param name="outputs">The array parameter of each non-energy output and its length, by the output's name.</param>
    public static void Write(SourceWriter writer, IrProgram program, OpenClLayout layout, string name, string summary, IReadOnlyDictionary<string, (string Target, string Size)> outputs)
    {
        var f = new OpenClFunction(program, layout);
        var energy = program.Outputs.FirstOrDefault(o => o.Kind == OutputKind.Energy);
        var arrays = program.Outputs.Where(o => o.Kind != OutputKind.Energy).ToList();
        var parameters = new List<string> { "__global const float* p" };
        parameters.AddRange(layout.States.Select((_, k) => $"const float* s{k}"));
        parameters.AddRange(arrays.Select(o => $"float* {outputs[o.Name].Target}"));

        writer.Line($"// {summary}");
        writer.Open($"{(energy is null ? "void" : "float")} {name}({string.Join(", ", parameters)})");
        for (int id = 0; id < f.g.Count; id++)
            if (f.live[id] && f.IsStored(id))
                f.WriteNode(writer, id);
        foreach (var output in arrays)
        {
            var (target, size) = outputs[output.Name];
            writer.Line();
            string label = output.Kind == OutputKind.StateGradient ? $"dE/d{output.Name}" : output.Name;
            writer.Line($"// {target} = {label} = {(output.Node is int n ? f.StoredName(n) ?? IrFormatter.Format(f.g, n, f.StoredName) : "0")}");
            // A zero derivative has no node: the output is zero.
            string value = output.Node is int id ? (f.g.ShapeOf(id).Rank == Rank.Scalar ? f.Element(id) : f.Element(id, "i")) : "0.0f";
            writer.Line($"for (int i = 0; i < {size}; i++) {target}[i] = {value};");
        }
        if (energy is not null)
            writer.Line($"return {(energy.Node is int e ? f.Element(e) : "0.0f")};");
        writer.Close();
    }

    /// <summary>Inputs, constants and broadcasts are read in place; every other value gets a variable.</summary>
    private bool IsStored(int id) => g[id].Op is not (IrOp.Input or IrOp.Constant or IrOp.Broadcast or IrOp.BroadcastRows or IrOp.BroadcastCols);

    private string? StoredName(int id) => live[id] && IsStored(id) ? Var(id) : null;

    private static string Var(int id) => "t" + id.ToString(CultureInfo.InvariantCulture);

    private string Length(Shape shape) => shape.Rank switch
    {
        Rank.Scalar => "1",
        Rank.Vector => OpenClLayout.Size(shape.Length),
        _ => $"{OpenClLayout.Size(shape.Rows)} * {OpenClLayout.Size(shape.Cols)}",
    };

    /// <summary>The element of node <paramref name="id"/> at the indices (none for a scalar, one for a Vec, row and column for a Mat).</summary>
    private string Element(int id, params string[] idx)
    {
        IrNode node = g[id];
        Shape shape = node.Shape;
        switch (node.Op)
        {
            case IrOp.Constant:
                return Literal(node.Value);
            case IrOp.Input:
                return layout.Input(node.Name!, shape, idx);
            case IrOp.Broadcast:
                return Element(node.Args[0]);
            case IrOp.BroadcastRows:
                return Element(node.Args[0], idx[1]);
            case IrOp.BroadcastCols:
                return Element(node.Args[0], idx[0]);
        }
        return shape.Rank switch
        {
            Rank.Scalar => Var(id),
            Rank.Vector => $"{Var(id)}[{idx[0]}]",
            _ => $"{Var(id)}[({idx[0]}) * {OpenClLayout.Size(shape.Cols)} + {idx[1]}]",
        };
    }

    /// <summary>The indices of operand <paramref name="k"/> when node <paramref name="id"/> is at <paramref name="idx"/>.</summary>
    private string[] ArgIndices(int id, int k, string[] idx)
    {
        IrNode node = g[id];
        Shape arg = g.ShapeOf(node.Args[k]);
        if (arg.Rank == Rank.Scalar)
            return Array.Empty<string>();
        if (node.Op == IrOp.Outer)
            return new[] { idx[k] };
        if (arg.Rank == node.Shape.Rank)
            return idx;
        // A Vec beside a Mat is repeated over the rows, so it follows the column index.
        return new[] { idx[1] };
    }

    private string Elementwise(int id, string[] idx)
    {
        IrNode node = g[id];
        string A(int k) => Element(node.Args[k], ArgIndices(id, k, idx));
        return node.Op switch
        {
            IrOp.Negate => $"-({A(0)})",
            IrOp.Add => $"({A(0)} + {A(1)})",
            IrOp.Subtract => $"({A(0)} - {A(1)})",
            IrOp.Multiply or IrOp.Silu or IrOp.Outer => $"({A(0)} * {A(1)})",
            IrOp.Divide => $"({A(0)} / {A(1)})",
            _ => $"{Function(node.Op)}({A(0)})",
        };
    }

    private static string Function(IrOp op) => op switch
    {
        IrOp.Exp => "exp",
        IrOp.Log => "log",
        IrOp.Log1p => "log1p",
        IrOp.Tanh => "tanh",
        IrOp.Sqrt => "sqrt",
        IrOp.Abs => "fabs",
        IrOp.Square => "ebm_square",
        IrOp.Softplus => "ebm_softplus",
        IrOp.Sigmoid => "ebm_sigmoid",
        IrOp.LogSigmoid => "ebm_log_sigmoid",
        IrOp.Sign => "ebm_sign",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an elementwise function."),
    };

    private void WriteNode(SourceWriter w, int id)
    {
        IrNode node = g[id];
        Shape shape = node.Shape;
        string t = Var(id);
        string what = g.AdjointOf(id) is int forward
            ? $"d{g.ObjectiveOf(id)}/d{Operand(forward)} = "
            : g.NameOf(id) is { } local ? local + " = " : "";
        if (started)
            w.Line();
        started = true;
        w.Line($"// {t} = {what}{IrFormatter.Format(g, id, StoredName)}");
        string X(params string[] idx) => Element(node.Args[0], idx);
        string Y(params string[] idx) => Element(node.Args[1], idx);
        string Rows(int arg) => OpenClLayout.Size(g.ShapeOf(node.Args[arg]).Rows);
        string Cols(int arg) => OpenClLayout.Size(g.ShapeOf(node.Args[arg]).Cols);
        string Len(int arg) => OpenClLayout.Size(g.ShapeOf(node.Args[arg]).Length);
        string Array() => $"float {t}[{Length(shape)}];";
        void Block()
        {
            w.Line("{");
            w.Indent();
        }
        if (node.IsElementwise)
        {
            switch (shape.Rank)
            {
                case Rank.Scalar:
                    w.Line($"float {t} = {Elementwise(id, System.Array.Empty<string>())};");
                    break;
                case Rank.Vector:
                    w.Line(Array());
                    w.Line($"for (int i = 0; i < {OpenClLayout.Size(shape.Length)}; i++) {t}[i] = {Elementwise(id, new[] { "i" })};");
                    break;
                default:
                    w.Line(Array());
                    w.Line($"for (int i = 0; i < {OpenClLayout.Size(shape.Rows)}; i++)");
                    w.Line($"    for (int j = 0; j < {OpenClLayout.Size(shape.Cols)}; j++) {Element(id, "i", "j")} = {Elementwise(id, new[] { "i", "j" })};");
                    break;
            }
            return;
        }
        switch (node.Op)
        {
            case IrOp.Sum or IrOp.Norm2 when g.ShapeOf(node.Args[0]).Rank == Rank.Vector:
                w.Line($"float {t};");
                Accumulate(w, t, Len(0), j => Term(node.Op, X(j)));
                break;
            case IrOp.Sum or IrOp.Norm2:
                w.Line($"float {t} = 0.0f;");
                w.Line($"for (int i = 0; i < {Rows(0)}; i++)");
                w.Line($"    for (int j = 0; j < {Cols(0)}; j++) {t} += {Term(node.Op, X("i", "j"))};");
                break;
            case IrOp.Dot:
                w.Line($"float {t};");
                Accumulate(w, t, Len(0), j => $"{X(j)} * {Y(j)}");
                break;
            case IrOp.LogSumExp:
                // m + log Σ e^(x − m), m = max x: −∞ when all are −∞, +∞ when one is, NaN when one is.
                w.Line($"float {t};");
                Block();
                w.Line("float m = -INFINITY, s = 0.0f;");
                w.Line($"for (int i = 0; i < {Len(0)}; i++) {{ float x = {X("i")}; if (isnan(x)) m = NAN; else if (x > m) m = x; }}");
                w.Line($"if (isfinite(m)) for (int i = 0; i < {Len(0)}; i++) s += exp({X("i")} - m);");
                w.Line($"{t} = isfinite(m) ? m + log(s) : m;");
                w.Close();
                break;
            case IrOp.RowSum:
                w.Line(Array());
                w.Line($"for (int i = 0; i < {Rows(0)}; i++)");
                Accumulate(w, $"{t}[i]", Cols(0), j => X("i", j));
                break;
            case IrOp.ColSum:
                w.Line(Array());
                w.Line($"for (int j = 0; j < {Cols(0)}; j++) {t}[j] = 0.0f;");
                w.Line($"for (int i = 0; i < {Rows(0)}; i++)");
                w.Line($"    for (int j = 0; j < {Cols(0)}; j++) {t}[j] += {X("i", "j")};");
                break;
            case IrOp.MatVec:
                w.Line(Array());
                w.Line($"for (int i = 0; i < {Rows(0)}; i++)");
                Accumulate(w, $"{t}[i]", Cols(0), j => $"{X("i", j)} * {Y(j)}");
                break;
            case IrOp.VecMat:
                // Row by row, so that the matrix is read in its row-major order.
                w.Line(Array());
                w.Line($"for (int j = 0; j < {Cols(1)}; j++) {t}[j] = 0.0f;");
                w.Open($"for (int i = 0; i < {Rows(1)}; i++)");
                w.Line($"float xi = {X("i")};");
                w.Line($"for (int j = 0; j < {Cols(1)}; j++) {t}[j] += xi * {Y("i", "j")};");
                w.Close();
                break;
            case IrOp.Softmax or IrOp.Softmin:
                // As specs/numerics.md: k entries at +∞ share the mass, all −∞ gives the uniform law, a NaN gives NaN.
                string sign = node.Op == IrOp.Softmin ? "-" : "";
                string n = Len(0);
                w.Line(Array());
                Block();
                w.Line("float m = -INFINITY, s = 0.0f;");
                w.Line($"for (int i = 0; i < {n}; i++) {{ {t}[i] = {sign}({X("i")}); if (isnan({t}[i])) m = NAN; else if ({t}[i] > m) m = {t}[i]; }}");
                w.Line($"for (int i = 0; i < {n}; i++) {{ {t}[i] = isnan(m) ? NAN : isinf(m) ? (m > 0.0f ? ({t}[i] == m ? 1.0f : 0.0f) : 1.0f) : exp({t}[i] - m); s += {t}[i]; }}");
                w.Line($"for (int i = 0; i < {n}; i++) {t}[i] /= s;");
                w.Close();
                break;
            case IrOp.Diagonal:
                w.Line(Array());
                w.Line($"for (int i = 0; i < {Rows(0)}; i++) {t}[i] = {X("i", "i")};");
                break;
            default:
                throw new InvalidOperationException($"The OpenCL emitter has no rule for {node.Op}.");
        }
    }

    /// <summary>A forward node as the comment of its adjoint names it: an input or local by name, else its expression in parentheses.</summary>
    private string Operand(int forward)
    {
        if (g[forward].Op == IrOp.Input)
            return g[forward].Name!;
        if (g.NameOf(forward) is { } name)
            return name;
        return "(" + IrFormatter.Format(g, forward, StoredName) + ")";
    }

    /// <summary>
    /// target = Σⱼ term(j), j &lt; length, in eight interleaved partial sums added pairwise at the end. The order of the
    /// additions is not the CPU's either way; eight independent chains let the compiler use vector instructions
    /// without reassociating (a single running sum cannot be vectorised under strict IEEE rules).
    /// </summary>
    private static void Accumulate(SourceWriter w, string target, string length, Func<string, string> term)
    {
        w.Line("{");
        w.Indent();
        w.Line("float a0 = 0.0f, a1 = 0.0f, a2 = 0.0f, a3 = 0.0f, a4 = 0.0f, a5 = 0.0f, a6 = 0.0f, a7 = 0.0f;");
        w.Line("int j = 0;");
        w.Open($"for (; j + 8 <= {length}; j += 8)");
        for (int k = 0; k < 8; k++)
            w.Line($"a{k} += {term(k == 0 ? "j" : $"j + {k}")};");
        w.Close();
        w.Line($"for (; j < {length}; j++) a0 += {term("j")};");
        w.Line($"{target} = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));");
        w.Close();
    }

    private static string Term(IrOp op, string x) => op == IrOp.Norm2 ? $"{x} * {x}" : x;

    /// <summary>A float literal of OpenCL C: always with a point or an exponent, so that 2 is 2.0f and not an error.</summary>
    internal static string Literal(double value)
    {
        float f = (float)value;
        if (float.IsNaN(f))
            return "NAN";
        if (float.IsInfinity(f))
            return f > 0 ? "INFINITY" : "(-INFINITY)";
        string text = f.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
            text += ".0";
        return f < 0 ? $"({text}f)" : text + "f";
    }
}
