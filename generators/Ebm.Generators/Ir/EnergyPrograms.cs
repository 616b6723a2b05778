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

    private static int? Adjoint(Dictionary<int, int> adjoints, int input) => adjoints.TryGetValue(input, out int adjoint) ? adjoint : null;
}
