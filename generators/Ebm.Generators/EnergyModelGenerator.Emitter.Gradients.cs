using Ebm.Generators.Emit;
using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The derivatives: ∂E/∂x for each continuous group (with E, which the reverse pass computes anyway), and
    // the parameter gradient weighted per row and added into the caller's flat vector.
    internal static partial class Emitter
    {
        private static void WriteStateGradient(SourceWriter writer, ModelNames names, IrProgram program, bool batch)
        {
            var scope = new MethodScope(names, batch);
            var parameters = scope.StateParameters().ToList();
            var gradients = names.Continuous.Select(s => scope.Table.Fresh("d" + s.Name)).ToList();
            for (int k = 0; k < gradients.Count; k++)
            {
                parameters.Add($"{Span} {gradients[k]}");
                scope.Outputs[names.Continuous[k].Name] = gradients[k];
            }
            string energies = scope.Table.Fresh("energies");
            if (batch)
            {
                parameters.Add($"{Span} {energies}");
                scope.Outputs["E"] = energies;
            }
            scope.BindParameters();
            var kernel = new Kernel(program, scope.Bindings, scope.Table);

            writer.Line();
            writer.Line(batch
                ? "/// <summary>The gradient of the energy in each continuous group, ∂E/∂x (the score is its negative), and E, for each state of a batch.</summary>"
                : "/// <summary>The gradient of the energy in each continuous group, ∂E/∂x (the score is its negative), and E, at one state.</summary>");
            WriteStateParamDocs(writer, names, batch);
            for (int k = 0; k < gradients.Count; k++)
                writer.Line($"/// <param name=\"{gradients[k]}\">Receives ∂E/∂{Xml(names.Continuous[k].Name)}{(batch ? ", one row per state" : "")}.</param>");
            if (batch)
                writer.Line($"/// <param name=\"{energies}\">Receives E of each row; its length is the batch size.</param>");
            else
                writer.Line("/// <returns>E.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Line(HotMethod);
            writer.Open($"public {(batch ? "void" : "float")} StateGradient({string.Join(", ", parameters)})");
            var checks = scope.StateChecks().Concat(names.Continuous.Select((state, k) => batch
                ? $"{Support}.RequireRows({gradients[k]}, {scope.Count}, {scope.SizeOf(state)}, nameof({gradients[k]}));"
                : $"{Support}.RequireLength({gradients[k]}, {scope.SizeOf(state)}, nameof({gradients[k]}));"));
            scope.Prologue(writer, kernel, batch ? energies : null, Array.Empty<int>(), checks);
            kernel.Emit(writer);
            if (!batch)
                writer.Line($"return {kernel.Returned};");
            writer.Close();
        }

        private static void WriteParameterGradient(SourceWriter writer, ModelNames names, IrProgram program) =>
            WriteWeightedParameterGradient(writer, names, program, "AccumulateParameterGradient", withDirections: false,
            [
                "Adds Σᵣ weightᵣ · ∇θE(stateᵣ) to <paramref name=\"{0}\"/>, for the trainable parameters θ laid out as",
                "<see cref=\"Layout\"/>: the data with weights +1/N and the samples with −1/M give the contrastive-divergence gradient.",
            ]);

        /// <summary>
        /// A method adding a weighted, batch-accumulated parameter gradient into the flat gradient: of E itself, or
        /// (with directions, one input per continuous group) of u·∇ₓE. Summary lines may name the gradient as {0}.
        /// </summary>
        private static void WriteWeightedParameterGradient(SourceWriter writer, ModelNames names, IrProgram program,
            string methodName, bool withDirections, IReadOnlyList<string> summary)
        {
            var scope = new MethodScope(names, batch: true);
            var parameters = scope.StateParameters().ToList();
            var directions = withDirections ? names.Continuous.Select(s => scope.Table.Fresh("u" + s.Name)).ToList() : new List<string>();
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
            foreach (string line in summary)
                writer.Line("/// " + string.Format(line, gradient));
            writer.Line("/// </summary>");
            WriteStateParamDocs(writer, names, batch: true);
            for (int k = 0; k < directions.Count; k++)
                writer.Line($"/// <param name=\"{directions[k]}\">The direction u for {Xml(names.Continuous[k].Name)}, one row per state.</param>");
            writer.Line($"/// <param name=\"{weights}\">The weight of each row; its length is the batch size.</param>");
            writer.Line($"/// <param name=\"{gradient}\">The flat gradient to add to, of length <see cref=\"global::Ebm.ModelLayout.ParameterCount\"/>.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Line(HotMethod);
            writer.Open($"public void {methodName}({string.Join(", ", parameters)})");
            var trainable = names.Trainable.ToList();
            var offsetSizes = trainable.Where(p => slices.ContainsKey(p.Name)).SelectMany(p => trainable.Take(trainable.IndexOf(p) + 1)).SelectMany(p => p.Shape.Sizes);
            var checks = scope.StateChecks()
                .Concat(names.Continuous.Take(directions.Count).Select((state, k) => $"{Support}.RequireRows({directions[k]}, {scope.Count}, {scope.SizeOf(state)}, nameof({directions[k]}));"))
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
    }
}
