using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Structure;

/// <summary>
/// Structure analysis of a model's energy over the IR (specs/structure.md): how each state group enters the
/// energy (<see cref="StateMonomials"/>), which groups interact, and from that the Gibbs blocks, the summable
/// groups and the Gaussian groups. It looks at the expression only, never at the model's name.
/// </summary>
internal static class StructureAnalysis
{
    /// <summary>The energy's graph with its gradient in every state group, which every structural question starts from.</summary>
    internal sealed record Derived(IrGraph Graph, int Energy, IReadOnlyDictionary<string, int> Inputs, IReadOnlyDictionary<string, int> Gradients);

    public static Derived Differentiate(ModelSpec model)
    {
        var graph = new IrGraph();
        var (energy, inputs) = Lowering.Lower(graph, model);
        var states = model.Inputs.Where(i => i.IsState).Select(i => inputs[i.Name]).ToList();
        var adjoints = ReverseMode.Differentiate(graph, energy, graph.Constant(1), states);
        var gradients = model.Inputs.Where(i => i.IsState && adjoints.ContainsKey(inputs[i.Name])).ToDictionary(i => i.Name, i => adjoints[inputs[i.Name]]);
        return new Derived(graph, energy, inputs, gradients);
    }

    public static StructureSpec Analyze(ModelSpec model)
    {
        var states = model.Inputs.Where(i => i.IsState).ToList();
        var names = states.Select(s => s.Name).ToList();
        var d = Differentiate(model);
        var monomials = StateMonomials.Of(d.Graph, d.Energy, names);
        int Max(int k) => monomials.Select(m => m[k]).DefaultIfEmpty(0).Max();
        bool Interact(int k, int l) => monomials.Any(m => m[k] > 0 && m[l] > 0);

        var binary = new List<string>();
        var summable = new List<string>();
        var gaussian = new List<string>();
        var unusable = new List<(string, string)>();
        var sequential = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < states.Count; k++)
        {
            var state = states[k];
            int degree = Max(k);
            if (state.Role == Role.BinaryState)
            {
                if (degree >= StateMonomials.NonPolynomial)
                {
                    unusable.Add((state.Name, "the energy is not a polynomial of degree two or less in it"));
                    continue;
                }
                if (degree <= 1)
                {
                    binary.Add(state.Name);
                    summable.Add(state.Name);
                    continue;
                }
                if (!HessianDiagonal(d, state.Name, out _, out bool elementwise))
                {
                    unusable.Add((state.Name, "its quadratic terms are not of a form whose Hessian diagonal the generator derives (u·M·u, elementwise products)"));
                    continue;
                }
                binary.Add(state.Name);
                if (!elementwise)
                    sequential.Add(state.Name);
            }
            else if (degree == 2 && HessianDiagonal(d, state.Name, out int? h, out bool diagonal) && diagonal && h is not null)
            {
                gaussian.Add(state.Name);
            }
        }

        return new StructureSpec(
            Blocks(names, binary.Concat(gaussian).ToList(), sequential, (a, b) => Interact(names.IndexOf(a), names.IndexOf(b))).ToImmutableEquatableArray(),
            binary.ToImmutableEquatableArray(),
            summable.ToImmutableEquatableArray(),
            gaussian.ToImmutableEquatableArray(),
            unusable.ToImmutableEquatableArray());
    }

    /// <summary>Hᵢᵢ = ∂²E/∂uᵢ² of a group whose energy is at most quadratic in it; false where no rule applies or it depends on u.</summary>
    public static bool HessianDiagonal(Derived d, string group, out int? diagonal, out bool elementwise)
    {
        diagonal = null;
        elementwise = true;
        if (!d.Gradients.TryGetValue(group, out int gradient))
            return true;
        return DiagonalJacobian.TryCompute(d.Graph, gradient, d.Inputs[group], out diagonal, out elementwise)
            && (diagonal is not int h || !DependsOn(d.Graph, h, d.Inputs[group]));
    }

    public static bool DependsOn(IrGraph g, int root, int input)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(new[] { root });
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (id == input)
                return true;
            if (seen.Add(id))
                foreach (int arg in g[id].Args)
                    stack.Push(arg);
        }
        return false;
    }

    /// <summary>
    /// Greedy colouring of the interaction graph in declaration order: a group with interactions among its own
    /// units is a sequential block of its own; any other group joins the first parallel block none of whose
    /// groups it interacts with, or opens a new one.
    /// </summary>
    private static List<GibbsBlockSpec> Blocks(List<string> order, List<string> members, HashSet<string> sequential, Func<string, string, bool> interact)
    {
        var blocks = new List<(List<string> Groups, bool Sequential)>();
        foreach (var group in order.Where(members.Contains))
        {
            if (sequential.Contains(group))
            {
                blocks.Add((new List<string> { group }, true));
                continue;
            }
            var fit = blocks.FirstOrDefault(b => !b.Sequential && b.Groups.All(other => !interact(group, other)));
            if (fit.Groups is null)
                blocks.Add((new List<string> { group }, false));
            else
                fit.Groups.Add(group);
        }
        return blocks.Select(b => new GibbsBlockSpec(b.Groups.ToImmutableEquatableArray(), b.Sequential)).ToList();
    }
}
