using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

/// <summary>How a generated method names what a <see cref="Kernel"/> reads and writes.</summary>
/// <param name="Batch">Whether every state is a batch of rows (loops over r, products as GEMM) or one row.</param>
/// <param name="Count">The local holding the batch size; unused for one state.</param>
/// <param name="Sizes">The local holding each size's value, by size index.</param>
/// <param name="Inputs">The C# name of each input (a span, or a float for a scalar parameter), by DSL name; the weight input by <see cref="EnergyPrograms.WeightName"/>.</param>
/// <param name="Outputs">The span each output is written to, by output name; the energy of one state is returned instead.</param>
internal sealed record KernelBindings(
    bool Batch,
    string Count,
    IReadOnlyList<string> Sizes,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Outputs);

/// <summary>
/// Turns one <see cref="IrProgram"/> into the statements of a generated method. Planning decides, for each
/// live node, where its value lives: inlined into its only user's loop when it is elementwise, a float local
/// for a scalar, a span of scratch memory otherwise (a batch needs one row per state for values that depend
/// on the state, and one copy for those that do not). Emission (<c>Kernel.Blocks.cs</c>) then writes one
/// commented block per stored node, in graph order, and the outputs.
/// </summary>
internal sealed partial class Kernel
{
    private enum Storage
    {
        Dead,
        Literal,
        Input,
        Local,
        Buffer,
        Inline,
    }

    // Pseudo users: an output written or accumulated element by element, and a user that needs the value as a span.
    private const int None = -1, ElementOutput = -2, SpanUser = -3;

    private readonly IrGraph g;
    private readonly KernelBindings bind;
    private readonly NameTable names;
    private readonly bool batch;
    // A batch whose products need no GEMM runs one row per SIMD lane over tiles of rows (Kernel.Lanes.cs).
    private readonly bool lanes;
    private readonly bool[] live, varying, cheap;
    // Whether a node descends from the row weight: the adjoints of a weight-seeded pass, which the comments mark.
    private readonly bool[] weighted;
    // What the parameter-gradient outputs differentiate, for their comments.
    private readonly string objective;
    private readonly int[] uses, user;
    private readonly Storage[] storage;
    private readonly string?[] identifier;
    private readonly Dictionary<int, string> inPlace = new();
    private readonly List<OutputPlan> outputs = new();
    // Loop indices and the accumulators of reductions: declared only inside loops, so one name each serves every block.
    private readonly string r, i, j, sum, element;
    // Lane mode only: the tile's capacity, its first row and row count, and the lane index.
    private readonly string tile = "", first = "", rows = "", lane = "";

    /// <summary>A term ±α·Σᵣ uᵣvᵣᵀ of a parameter gradient, which one GEMM adds: Uᵀ·V over the batch.</summary>
    private sealed record GemmTerm(int U, int V, bool Negative, int? Scale);

    private sealed record OutputPlan(IrOutput Output, string? Destination, List<GemmTerm>? Terms);

    public Kernel(IrProgram program, KernelBindings bindings, NameTable names)
    {
        g = program.Graph;
        bind = bindings;
        this.names = names;
        batch = bindings.Batch;
        int n = g.Count;
        live = new bool[n];
        varying = new bool[n];
        cheap = new bool[n];
        weighted = new bool[n];
        objective = program.Objective;
        uses = new int[n];
        user = Enumerable.Repeat(None, n).ToArray();
        storage = new Storage[n];
        identifier = new string?[n];
        r = names.Fresh("r");
        i = names.Fresh("i");
        j = names.Fresh("j");
        sum = names.Fresh("sum");
        element = names.Fresh("e");

        for (int id = 0; id < n; id++)
            varying[id] = batch && (g[id].Op == IrOp.Input
                ? g[id].Kind is IrInputKind.ContinuousState or IrInputKind.BinaryState or IrInputKind.Weight or IrInputKind.Direction
                : g[id].Args.Any(arg => varying[arg]));
        for (int id = 0; id < n; id++)
            weighted[id] = g[id].Op == IrOp.Input ? g[id].Kind == IrInputKind.Weight : g[id].Args.Any(arg => weighted[arg]);

        var roots = new List<int>();
        foreach (var output in program.Outputs)
        {
            string? destination = bind.Outputs.TryGetValue(output.Name, out var d) ? d : null;
            List<GemmTerm>? terms = null;
            if (batch && output.Kind == OutputKind.ParameterGradient && output.Node is int gradient && g.ShapeOf(gradient).Rank == Rank.Matrix)
            {
                terms = new List<GemmTerm>();
                if (!TryGemmTerms(gradient, negative: false, scale: null, terms))
                    terms = null;
            }
            outputs.Add(new OutputPlan(output, destination, terms));
            if (terms is not null)
                roots.AddRange(terms.SelectMany(t => new[] { t.U, t.V }.Concat(t.Scale is int s ? new[] { s } : Array.Empty<int>())));
            else if (output.Node is int node)
                roots.Add(node);
        }

        MarkLive(roots);
        CountUses();
        // Lanes pay off only where something depends on the state; a batch of constants stays row-major.
        lanes = batch && outputs.All(o => o.Terms is null)
            && Enumerable.Range(0, n).Any(id => live[id] && varying[id])
            && !Enumerable.Range(0, n).Any(id => live[id] && IsBatchGemm(id));
        if (lanes)
        {
            tile = names.Fresh("tile");
            first = names.Fresh("first");
            rows = names.Fresh("rows");
            lane = names.Fresh("l");
        }
        Place();
    }

    /// <summary>The inputs the program reads, by DSL name: the method binds only these.</summary>
    public IEnumerable<string> UsedInputs => Enumerable.Range(0, g.Count).Where(id => live[id] && g[id].Op == IrOp.Input).Select(id => g[id].Name!);

    /// <summary>The sizes the emitted statements mention, by index.</summary>
    public IEnumerable<int> UsedSizes => Enumerable.Range(0, g.Count)
        .Where(id => live[id] && storage[id] != Storage.Literal)
        .SelectMany(id => g.ShapeOf(id).Sizes.Concat(g[id].Args.SelectMany(arg => g.ShapeOf(arg).Sizes)))
        .Distinct()
        .OrderBy(s => s);

    /// <summary>Whether Σᵣ of the node is a sum of ±α·Outer(u, v) terms with u, v depending on the row and α not.</summary>
    private bool TryGemmTerms(int node, bool negative, int? scale, List<GemmTerm> terms)
    {
        IrNode n = g[node];
        switch (n.Op)
        {
            case IrOp.Outer when varying[n.Args[0]] && varying[n.Args[1]]:
                terms.Add(new GemmTerm(n.Args[0], n.Args[1], negative, scale));
                return true;
            case IrOp.Negate:
                return TryGemmTerms(n.Args[0], !negative, scale, terms);
            case IrOp.Add:
                return TryGemmTerms(n.Args[0], negative, scale, terms) && TryGemmTerms(n.Args[1], negative, scale, terms);
            case IrOp.Subtract:
                return TryGemmTerms(n.Args[0], negative, scale, terms) && TryGemmTerms(n.Args[1], !negative, scale, terms);
            case IrOp.Multiply when scale is null && g.ShapeOf(n.Args[0]).Rank == Rank.Scalar && !varying[n.Args[0]]:
                return TryGemmTerms(n.Args[1], negative, n.Args[0], terms);
            default:
                return false;
        }
    }

    private void MarkLive(List<int> roots)
    {
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (live[id])
                continue;
            live[id] = true;
            foreach (int arg in g[id].Args)
                stack.Push(arg);
        }
    }

    private void CountUses()
    {
        for (int id = 0; id < g.Count; id++)
        {
            if (!live[id])
                continue;
            bool needsSpans = g[id].Op is IrOp.MatVec or IrOp.VecMat or IrOp.LogSumExp or IrOp.Softmax or IrOp.Softmin;
            foreach (int arg in g[id].Args)
                Use(arg, needsSpans ? SpanUser : id);
        }
        foreach (var output in outputs)
        {
            if (output.Terms is not null)
            {
                foreach (var term in output.Terms)
                {
                    Use(term.U, SpanUser);
                    Use(term.V, SpanUser);
                    if (term.Scale is int scale)
                        Use(scale, SpanUser);
                }
            }
            else if (output.Output.Node is int node)
            {
                // The energy and the state gradients are stored whole; a parameter gradient is added element by element.
                Use(node, output.Output.Kind == OutputKind.ParameterGradient ? ElementOutput : SpanUser);
            }
        }
    }

    private void Use(int node, int by)
    {
        uses[node]++;
        // A node used twice, or as a span, is stored: remember the strongest reason.
        user[node] = uses[node] == 1 ? by : SpanUser;
    }

    private void Place()
    {
        for (int id = 0; id < g.Count; id++)
        {
            if (!live[id])
                continue;
            IrNode node = g[id];
            if (node.Op == IrOp.Constant)
            {
                storage[id] = Storage.Literal;
                cheap[id] = true;
                continue;
            }
            if (node.Op == IrOp.Input)
            {
                storage[id] = Storage.Input;
                identifier[id] = bind.Inputs[node.Name!];
                cheap[id] = true;
                continue;
            }

            if (node.IsElementwise && uses[id] == 1 && CanInline(id, user[id]))
            {
                storage[id] = Storage.Inline;
                cheap[id] = node.Op is IrOp.Negate or IrOp.Add or IrOp.Subtract or IrOp.Multiply or IrOp.Divide
                    or IrOp.Broadcast or IrOp.BroadcastRows or IrOp.BroadcastCols or IrOp.Outer
                    && node.Args.All(arg => cheap[arg]);
                continue;
            }

            cheap[id] = true;
            storage[id] = node.Shape.Rank == Rank.Scalar && !varying[id] ? Storage.Local : Storage.Buffer;
            // The energy of a batch and the state gradients are computed straight into the caller's span when
            // they have its layout: one row per state in a batch, the whole span for one state.
            if (!lanes && StoredOutput(id) is { } destination && (batch ? varying[id] : storage[id] == Storage.Buffer))
            {
                storage[id] = Storage.Buffer;
                inPlace[id] = destination;
                identifier[id] = destination;
            }
        }

        // DSL locals and their adjoints keep the DSL's name, chosen first so that a temporary never takes it;
        // other values are t1, t2, … forward and g1, g2, … backward.
        var unnamed = Enumerable.Range(0, g.Count).Where(id => live[id] && storage[id] is Storage.Local or Storage.Buffer && identifier[id] is null).ToList();
        foreach (int id in unnamed.Where(id => g.NameOf(id) is not null))
            identifier[id] = names.Fresh(g.NameOf(id)!);
        foreach (int id in unnamed.Where(id => g.NameOf(id) is null))
            identifier[id] = IsEnergy(id) ? names.Fresh("energy") : names.Numbered(g.AdjointOf(id) is null ? "t" : "g");
    }

    private bool IsEnergy(int id) => outputs.Any(o => o.Output.Kind == OutputKind.Energy && o.Output.Node == id);

    /// <summary>The destination span of the first energy or state-gradient output that is this node, if any is free.</summary>
    private string? StoredOutput(int id)
    {
        foreach (var output in outputs)
            if (output.Output.Node == id && output.Output.Kind != OutputKind.ParameterGradient && output.Destination is { } destination
                && !inPlace.ContainsValue(destination) && !inPlace.ContainsKey(id))
                return destination;
        return null;
    }

    /// <summary>
    /// Whether an elementwise node can be computed inside its only user's loop: the user iterates over exactly
    /// this node's elements (an elementwise op of the same shape, a reduction of it, or an accumulated output),
    /// at the same batch variance (a value that does not depend on the state is computed once, not per row),
    /// and the user does not repeat it (Square duplicates its operand, so only cheap arithmetic goes in).
    /// </summary>
    private bool CanInline(int id, int by)
    {
        if (by == ElementOutput)
            return varying[id] || !batch;
        if (by < 0)
            return false;
        IrNode consumer = g[by];
        if (varying[id] != varying[by])
            return false;
        if (consumer.Op is IrOp.Sum or IrOp.Dot or IrOp.Norm2 or IrOp.RowSum or IrOp.ColSum)
            return true;
        if (!consumer.IsElementwise || consumer.Shape != g.ShapeOf(id) || consumer.Op is IrOp.Outer)
            return false;
        return consumer.Op != IrOp.Square || IsCheapExpression(id);
    }

    private bool IsCheapExpression(int id) =>
        g[id].Op is IrOp.Negate or IrOp.Add or IrOp.Subtract or IrOp.Multiply or IrOp.Divide && g[id].Args.All(arg => cheap[arg]);

    /// <summary>Whether the node is a product over the batch with a shared matrix, which one GEMM computes.</summary>
    private bool IsBatchGemm(int id) => g[id].Op switch
    {
        IrOp.MatVec => varying[g[id].Args[1]] && !varying[g[id].Args[0]],
        IrOp.VecMat => varying[g[id].Args[0]] && !varying[g[id].Args[1]],
        _ => false,
    };

    /// <summary>The C# expression for the number of floats a stored node takes: its elements, times the batch (or the tile) when it varies.</summary>
    private string Length(int id)
    {
        var factors = new List<string>();
        if (varying[id])
            factors.Add(lanes ? tile : bind.Count);
        factors.AddRange(g.ShapeOf(id).Sizes.Select(s => bind.Sizes[s]));
        return factors.Count == 0 ? "1" : string.Join(" * ", factors);
    }

    /// <summary>The total length of several stored nodes, equal terms gathered: 3 * count * h + count.</summary>
    private string TotalLength(IEnumerable<int> ids) =>
        string.Join(" + ", ids.GroupBy(Length).Select(group => group.Count() == 1 ? group.Key : $"{group.Count()} * {group.Key}"));
}
