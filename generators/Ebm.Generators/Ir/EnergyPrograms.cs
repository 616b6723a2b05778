using Ebm.Generators.Model;

namespace Ebm.Generators.Ir;

/// <summary>
/// The three programs emitted for a model, each built in a graph of its own so that it holds only what it
/// needs: the energy; the energy with its gradient in each continuous group (the reverse pass seeded with 1);
/// and the weighted parameter gradient (seeded with each row's weight, so the energy itself is not computed).
/// </summary>
internal static class EnergyPrograms
{
    /// <summary>The name of the weight input of the parameter gradient.</summary>
    public const string WeightName = "weight";

    public static IrProgram Energy(ModelSpec model)
    {
        var graph = new IrGraph();
        var (energy, _) = Lowering.Lower(graph, model);
        return new IrProgram(graph, new[] { new IrOutput(OutputKind.Energy, "E", energy) });
    }

    public static IrProgram StateGradient(ModelSpec model)
    {
        var graph = new IrGraph();
        var (energy, inputs) = Lowering.Lower(graph, model);
        var states = model.Inputs.Where(i => i.Role == Role.ContinuousState).ToList();
        var adjoints = ReverseMode.Differentiate(graph, energy, graph.Constant(1), states.Select(s => inputs[s.Name]).ToList());
        var outputs = new List<IrOutput> { new(OutputKind.Energy, "E", energy) };
        outputs.AddRange(states.Select(s => new IrOutput(OutputKind.StateGradient, s.Name, Adjoint(adjoints, inputs[s.Name]))));
        return new IrProgram(graph, outputs);
    }

    public static IrProgram ParameterGradient(ModelSpec model)
    {
        var graph = new IrGraph();
        var (energy, inputs) = Lowering.Lower(graph, model);
        var parameters = model.Inputs.Where(i => i.Role == Role.Trainable).ToList();
        int weight = graph.Input(WeightName, IrInputKind.Weight, Shape.Scalar);
        var adjoints = ReverseMode.Differentiate(graph, energy, weight, parameters.Select(p => inputs[p.Name]).ToList());
        return new IrProgram(graph, parameters.Select(p => new IrOutput(OutputKind.ParameterGradient, p.Name, Adjoint(adjoints, inputs[p.Name]))).ToList());
    }

    /// <summary>The name of the direction input of a continuous group in the directional parameter gradient.</summary>
    // Not an identifier, so it cannot collide with a DSL input of the model.
    public static string DirectionName(string state) => "u[" + state + "]";

    /// <summary>
    /// The weighted parameter gradient of Σₓ uₓ·∇ₓE over the continuous groups: reverse mode over the state
    /// gradient program, whose adjoint nodes become forward nodes of the second pass. The first pass is seeded
    /// with 1, not the weight, so the weight multiplies only the second pass's seed and stays out of ∇ₓE.
    /// </summary>
    public static IrProgram DirectionalParameterGradient(ModelSpec model)
    {
        var graph = new IrGraph();
        var (energy, inputs) = Lowering.Lower(graph, model);
        var states = model.Inputs.Where(i => i.Role == Role.ContinuousState).ToList();
        var parameters = model.Inputs.Where(i => i.Role == Role.Trainable).ToList();
        var adjoints = ReverseMode.Differentiate(graph, energy, graph.Constant(1), states.Select(s => inputs[s.Name]).ToList());
        int? directional = null;
        foreach (var state in states)
        {
            if (Adjoint(adjoints, inputs[state.Name]) is not int gradient)
                continue;
            int u = graph.Input(DirectionName(state.Name), IrInputKind.Direction, state.Shape);
            int term = state.Shape.Rank == Rank.Scalar ? graph.Multiply(u, gradient) : graph.Reduce(IrOp.Sum, graph.Multiply(u, gradient));
            directional = directional is int d ? graph.Add(d, term) : term;
        }
        var outputs = new List<IrOutput>();
        if (directional is int root)
        {
            int weight = graph.Input(WeightName, IrInputKind.Weight, Shape.Scalar);
            // The seed is made after the root, so the second pass sees every node up to the root as forward.
            var second = ReverseMode.Differentiate(graph, root, weight, parameters.Select(p => inputs[p.Name]).ToList(), DirectionalObjective);
            outputs.AddRange(parameters.Select(p => new IrOutput(OutputKind.ParameterGradient, p.Name, Adjoint(second, inputs[p.Name]))));
        }
        else
            outputs.AddRange(parameters.Select(p => new IrOutput(OutputKind.ParameterGradient, p.Name, null)));
        return new IrProgram(graph, outputs, DirectionalObjective);
    }

    private const string DirectionalObjective = "(u·∇ₓE)";

    /// <summary>The name of the output of <see cref="DirectionalSecondDerivative"/>, as its comments print it.</summary>
    public const string SecondDerivativeName = "uᵀ∇ₓ²E u";

    private const string SecondDerivativeObjective = "(uᵀ∇ₓ²E u)";

    /// <summary>
    /// uᵀ∇ₓ²E u per row, summed over the continuous groups: reverse mode over Σₓ uₓ·∇ₓE (itself a reverse pass)
    /// gives the Hessian-vector product ∇ₓ²E u, dotted with u. With u a unit vector eₖ it is ∂²E/∂xₖ², so the
    /// Laplacian is a sum of these; with random u it is the curvature sliced score matching needs.
    /// </summary>
    public static IrProgram DirectionalSecondDerivative(ModelSpec model)
    {
        var (graph, _, root) = SecondDerivative(model);
        return new IrProgram(graph, new[] { new IrOutput(OutputKind.Energy, SecondDerivativeName, root) });
    }

    /// <summary>The weighted parameter gradient of uᵀ∇ₓ²E u: a third reverse pass, seeded with the row's weight.</summary>
    public static IrProgram SecondDerivativeParameterGradient(ModelSpec model)
    {
        var (graph, inputs, root) = SecondDerivative(model);
        var parameters = model.Inputs.Where(i => i.Role == Role.Trainable).ToList();
        if (root is not int q)
            return new IrProgram(graph, parameters.Select(p => new IrOutput(OutputKind.ParameterGradient, p.Name, null)).ToList(), SecondDerivativeObjective);
        int weight = graph.Input(WeightName, IrInputKind.Weight, Shape.Scalar);
        var third = ReverseMode.Differentiate(graph, q, weight, parameters.Select(p => inputs[p.Name]).ToList(), SecondDerivativeObjective);
        return new IrProgram(graph, parameters.Select(p => new IrOutput(OutputKind.ParameterGradient, p.Name, Adjoint(third, inputs[p.Name]))).ToList(), SecondDerivativeObjective);
    }

    private static (IrGraph Graph, Dictionary<string, int> Inputs, int? Root) SecondDerivative(ModelSpec model)
    {
        var graph = new IrGraph();
        var (energy, inputs) = Lowering.Lower(graph, model);
        var states = model.Inputs.Where(i => i.Role == Role.ContinuousState).ToList();
        var gradients = ReverseMode.Differentiate(graph, energy, graph.Constant(1), states.Select(s => inputs[s.Name]).ToList());
        // Every direction is an input, used or not, so that the generated method takes one per continuous group.
        var directions = states.ToDictionary(s => s.Name, s => graph.Input(DirectionName(s.Name), IrInputKind.Direction, s.Shape));
        int? Contract(Dictionary<int, int> adjoints)
        {
            int? total = null;
            foreach (var state in states)
            {
                if (Adjoint(adjoints, inputs[state.Name]) is not int value)
                    continue;
                int term = graph.Reduce(IrOp.Sum, graph.Multiply(directions[state.Name], value));
                total = total is int t ? graph.Add(t, term) : term;
            }
            return total;
        }

        if (Contract(gradients) is not int directional)
            return (graph, inputs, null);
        var hessianTimesU = ReverseMode.Differentiate(graph, directional, graph.Constant(1), states.Select(s => inputs[s.Name]).ToList(), DirectionalObjective);
        return (graph, inputs, Contract(hessianTimesU));
    }

    private static int? Adjoint(Dictionary<int, int> adjoints, int input) => adjoints.TryGetValue(input, out int adjoint) ? adjoint : null;
}
