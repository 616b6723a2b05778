using Ebm.Generators.Emit;
using Ebm.Generators.Ir;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The second-order pieces for score-based learning: the parameter gradient of u·∇ₓE, which denoising and
    // sliced score matching and gradient penalties differentiate through.
    internal static partial class Emitter
    {
        private static void WriteDirectionalParameterGradient(SourceWriter writer, ModelNames names, IrProgram program)
        {
            var scope = new MethodScope(names, batch: true);
            var parameters = scope.StateParameters().ToList();
            var directions = names.Continuous.Select(s => scope.Table.Fresh("u" + s.Name)).ToList();
            for (int k = 0; k < directions.Count; k++)
            {
                parameters.Add($"{ReadOnlySpan} {directions[k]}");
                scope.Inputs[EnergyPrograms.DirectionName(names.Continuous[k].Name)] = directions[k];
            }
            string weights = scope.Table.Fresh("weights");
            string gradient = scope.Table.Fresh("gradient");
            parameters.Add($"{ReadOnlySpan} {weights}");
            parameters.Add($"{Span} {gradient}");
            scope.Inputs[EnergyPrograms.WeightName] = weights;
            var slices = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var output in program.Outputs.Where(o => o.Node is not null))
                slices[output.Name] = scope.Outputs[output.Name] = scope.Table.Fresh("d" + output.Name);
            scope.BindParameters();
            var kernel = new Kernel(program, scope.Bindings, scope.Table);

            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Adds Σᵣ weightᵣ · ∇θ(uᵣ·∇ₓE(stateᵣ)) to <paramref name=\"" + gradient + "\"/>, summing uₓ·∇ₓE over the continuous");
            writer.Line("/// groups x, for the trainable parameters θ laid out as <see cref=\"Layout\"/>: with uᵣ = ∇ₓE(stateᵣ) it is the");
            writer.Line("/// gradient of ½‖∇ₓE‖², which denoising score matching needs.");
            writer.Line("/// </summary>");
            WriteStateParamDocs(writer, names, batch: true);
            for (int k = 0; k < directions.Count; k++)
                writer.Line($"/// <param name=\"{directions[k]}\">The direction u for {Xml(names.Continuous[k].Name)}, one row per state.</param>");
            writer.Line($"/// <param name=\"{weights}\">The weight of each row; its length is the batch size.</param>");
            writer.Line($"/// <param name=\"{gradient}\">The flat gradient to add to, of length <see cref=\"global::Ebm.ModelLayout.ParameterCount\"/>.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Open($"public void AccumulateDirectionalParameterGradient({string.Join(", ", parameters)})");
            var trainable = names.Trainable.ToList();
            var offsetSizes = trainable.Where(p => slices.ContainsKey(p.Name)).SelectMany(p => trainable.Take(trainable.IndexOf(p) + 1)).SelectMany(p => p.Shape.Sizes);
            var checks = scope.StateChecks()
                .Concat(names.Continuous.Select((state, k) => $"{Support}.RequireRows({directions[k]}, {scope.Count}, {scope.SizeOf(state)}, nameof({directions[k]}));"))
                .Append($"{Support}.RequireLength({gradient}, Layout.ParameterCount, nameof({gradient}));");
            scope.Prologue(writer, kernel, weights, offsetSizes, checks);
            foreach (var p in trainable.Where(p => slices.ContainsKey(p.Name)))
            {
                int index = trainable.IndexOf(p);
                writer.Line($"{Span} {slices[p.Name]} = {gradient}.Slice({names.Offset(index, scope.Sizes)}, {ModelNames.Length(p.Shape, scope.Sizes)});");
            }
            kernel.Emit(writer);
            writer.Close();
        }

        /// <summary>The IScoreModel members: each checks the lists it is given and calls the typed method.</summary>
        private static void WriteScoreContract(SourceWriter writer, ModelNames names)
        {
            string memories = $"{Lists}<global::System.ReadOnlyMemory<float>>";
            string groups = Literal($"state group ({names.StateList})");
            string continuous = Literal($"continuous state group ({string.Join(", ", names.Continuous.Select(s => s.Name))})");
            string rows = string.Join(", ", names.States.Select((_, k) => $"states[{k}].Span"));
            string directions = string.Join(", ", names.Continuous.Select((_, k) => $"directions[{k}].Span"));

            writer.Line();
            writer.Open($"void global::Ebm.IScoreModel.AccumulateDirectionalParameterGradient({memories} states, {memories} directions, {ReadOnlySpan} weights, {Span} gradient)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"{Support}.RequireCount(directions, {names.Continuous.Count}, {continuous}, nameof(directions));");
            writer.Line($"AccumulateDirectionalParameterGradient({rows}, {directions}, weights, gradient);");
            writer.Close();
        }
    }
}
