using Ebm.Generators.Emit;
using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The second derivatives in the continuous states: uᵀ∇ₓ²E u and its parameter gradient (sliced score
    // matching), and the Laplacian Δₓ E = Σₖ ∂²E/∂xₖ² with its parameter gradient (exact score matching), which
    // run the directional methods once per unit with u the unit vector, as exact score matching in PyTorch does.
    internal static partial class Emitter
    {
        private static void WriteSecondDerivatives(SourceWriter writer, ModelNames names, ModelSpec model)
        {
            WriteDirectionalSecondDerivative(writer, names, EnergyPrograms.DirectionalSecondDerivative(model));
            WriteWeightedParameterGradient(writer, names, EnergyPrograms.SecondDerivativeParameterGradient(model),
                "AccumulateDirectionalSecondDerivativeParameterGradient", withDirections: true,
            [
                "Adds Σᵣ weightᵣ · ∇θ(uᵣᵀ∇ₓ²E(stateᵣ)uᵣ) to <paramref name=\"{0}\"/>, summing over the continuous groups x,",
                "for the trainable parameters θ laid out as <see cref=\"Layout\"/>: the curvature term of sliced score matching.",
            ]);
            WriteLaplacian(writer, names, batch: true);
            WriteLaplacian(writer, names, batch: false);
            WriteLaplacianParameterGradient(writer, names);
        }

        private static void WriteDirectionalSecondDerivative(SourceWriter writer, ModelNames names, IrProgram program)
        {
            var scope = new MethodScope(names, batch: true);
            var parameters = scope.StateParameters().ToList();
            var directions = names.Continuous.Select(s => scope.Table.Fresh("u" + s.Name)).ToList();
            for (int k = 0; k < directions.Count; k++)
            {
                parameters.Add($"{ReadOnlySpan} {directions[k]}");
                scope.Inputs[EnergyPrograms.DirectionName(names.Continuous[k].Name)] = directions[k];
            }
            string values = scope.Table.Fresh("values");
            parameters.Add($"{Span} {values}");
            scope.Outputs[EnergyPrograms.SecondDerivativeName] = values;
            scope.BindParameters();
            var kernel = new Kernel(program, scope.Bindings, scope.Table);

            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// uᵀ∇ₓ²E u for each state of a batch, summed over the continuous groups x: the second derivative of the");
            writer.Line("/// energy along u (with a unit vector eₖ, ∂²E/∂xₖ²; with random u, the curvature of sliced score matching).");
            writer.Line("/// </summary>");
            WriteStateParamDocs(writer, names, batch: true);
            for (int k = 0; k < directions.Count; k++)
                writer.Line($"/// <param name=\"{directions[k]}\">The direction u for {Xml(names.Continuous[k].Name)}, one row per state.</param>");
            writer.Line($"/// <param name=\"{values}\">Receives uᵀ∇ₓ²E u of each row; its length is the batch size.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Open($"public void DirectionalSecondDerivative({string.Join(", ", parameters)})");
            var checks = scope.StateChecks().Concat(names.Continuous.Select((state, k) =>
                $"{Support}.RequireRows({directions[k]}, {scope.Count}, {scope.SizeOf(state)}, nameof({directions[k]}));"));
            scope.Prologue(writer, kernel, values, Array.Empty<int>(), checks);
            kernel.Emit(writer);
            writer.Close();
        }

        /// <summary>Δₓ E per row (or of one state): Σ over every unit k of every continuous group of eₖᵀ∇ₓ²E eₖ.</summary>
        private static void WriteLaplacian(SourceWriter writer, ModelNames names, bool batch)
        {
            var scope = new MethodScope(names, batch: true);
            var states = scope.StateParameters().ToList();
            string result = scope.Table.Fresh("laplacians");
            writer.Line();
            if (batch)
            {
                writer.Line("/// <summary>The Laplacian Δₓ E = Σₖ ∂²E/∂xₖ² over every unit of every continuous group, for each state of a batch.</summary>");
                WriteStateParamDocs(writer, names, batch: true);
                writer.Line($"/// <param name=\"{result}\">Receives Δₓ E of each row; its length is the batch size.</param>");
                writer.Line("/// <remarks>One <see cref=\"DirectionalSecondDerivative\"/> per unit, along the unit vector: the cost of D Hessian-vector products.</remarks>");
                writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
                writer.Line(GeneratedCode);
                writer.Open($"public void Laplacian({string.Join(", ", states.Append($"{Span} {result}"))})");
                WriteUnitDirectionLoop(writer, names, scope, result, k => new[]
                {
                    $"DirectionalSecondDerivative({string.Join(", ", names.States.Select(s => Identifier(s.Name)).Concat(k.Directions).Append(k.Scratch))});",
                    $"global::System.Numerics.Tensors.TensorPrimitives.Add({result}, {k.Scratch}, {result});",
                }, countFrom: result, clear: result);
                writer.Close();
                return;
            }

            writer.Line("/// <summary>The Laplacian Δₓ E = Σₖ ∂²E/∂xₖ² over every unit of every continuous group, at one state.</summary>");
            WriteStateParamDocs(writer, names, batch: false);
            writer.Line("/// <returns>Δₓ E.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A group has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Open($"public float Laplacian({string.Join(", ", states)})");
            string one = scope.Table.Fresh("value");
            writer.Line($"global::System.Span<float> {one} = stackalloc float[1];");
            writer.Line($"Laplacian({string.Join(", ", names.States.Select(s => Identifier(s.Name)).Append(one))});");
            writer.Line($"return {one}[0];");
            writer.Close();
        }

        private static void WriteLaplacianParameterGradient(SourceWriter writer, ModelNames names)
        {
            var scope = new MethodScope(names, batch: true);
            var parameters = scope.StateParameters().ToList();
            string weights = scope.Table.Fresh("weights"), gradient = scope.Table.Fresh("gradient");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// Adds Σᵣ weightᵣ · ∇θ Δₓ E(stateᵣ) to <paramref name=\"{gradient}\"/>, for the trainable parameters θ laid out as");
            writer.Line("/// <see cref=\"Layout\"/>: the Laplacian term of exact score matching, one directional pass per unit.");
            writer.Line("/// </summary>");
            WriteStateParamDocs(writer, names, batch: true);
            writer.Line($"/// <param name=\"{weights}\">The weight of each row; its length is the batch size.</param>");
            writer.Line($"/// <param name=\"{gradient}\">The flat gradient to add to, of length <see cref=\"global::Ebm.ModelLayout.ParameterCount\"/>.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Open($"public void AccumulateLaplacianParameterGradient({string.Join(", ", parameters.Append($"{ReadOnlySpan} {weights}").Append($"{Span} {gradient}"))})");
            writer.Line($"{Support}.RequireLength({gradient}, Layout.ParameterCount, nameof({gradient}));");
            WriteUnitDirectionLoop(writer, names, scope, null, k => new[]
            {
                $"AccumulateDirectionalSecondDerivativeParameterGradient({string.Join(", ", names.States.Select(s => Identifier(s.Name)).Concat(k.Directions).Append(weights).Append(gradient))});",
            }, countFrom: weights, clear: null);
            writer.Close();
        }

        private sealed record UnitDirection(IReadOnlyList<string> Directions, string Scratch);

        /// <summary>
        /// The loop over unit directions: zeroed direction buffers, and for each unit k of each continuous group the
        /// column k of that group's buffer set to 1 in every row while <paramref name="body"/> runs.
        /// </summary>
        private static void WriteUnitDirectionLoop(SourceWriter writer, ModelNames names, MethodScope scope, string? scratchFor,
            Func<UnitDirection, IEnumerable<string>> body, string countFrom, string? clear)
        {
            foreach (int size in names.States.Select(s => s.Shape.Length).Distinct().OrderBy(s => s))
                writer.Line($"int {scope.Sizes[size]} = this.Parameters.{Identifier(names.SizeMembers[size])};");
            writer.Line($"int {scope.Count} = {countFrom}.Length;");
            foreach (var check in scope.StateChecks())
                writer.Line(check);
            string rented = scope.Table.Fresh("rented"), rest = scope.Table.Fresh("scratch"), r = scope.Table.Fresh("r"), k = scope.Table.Fresh("k");
            var directions = names.Continuous.Select(s => scope.Table.Fresh("u" + s.Name)).ToList();
            string scratch = scope.Table.Fresh("values");
            string total = string.Join(" + ", names.Continuous.Select(s => $"{scope.Count} * {scope.SizeOf(s)}").Append(scope.Count));
            writer.Line($"float[] {rented} = global::System.Buffers.ArrayPool<float>.Shared.Rent({total});");
            writer.Line($"{Span} {rest} = {rented};");
            for (int g = 0; g < directions.Count; g++)
            {
                writer.Line($"{Span} {directions[g]} = {Support}.Take(ref {rest}, {scope.Count} * {scope.SizeOf(names.Continuous[g])});");
                writer.Line($"{directions[g]}.Clear();");
            }
            writer.Line($"{Span} {scratch} = {Support}.Take(ref {rest}, {scope.Count});");
            if (clear is not null)
                writer.Line($"{clear}.Clear();");
            for (int g = 0; g < directions.Count; g++)
            {
                string size = scope.SizeOf(names.Continuous[g]);
                writer.Line($"// Unit directions in {names.Continuous[g].Name}: column {k} of every row set to 1 while it is used, then back to 0.");
                writer.Open($"for (int {k} = 0; {k} < {size}; {k}++)");
                writer.Line($"for (int {r} = 0; {r} < {scope.Count}; {r}++)");
                writer.Line($"    {directions[g]}[{r} * {size} + {k}] = 1f;");
                foreach (var line in body(new UnitDirection(directions, scratch)))
                    writer.Line(line);
                writer.Line($"for (int {r} = 0; {r} < {scope.Count}; {r}++)");
                writer.Line($"    {directions[g]}[{r} * {size} + {k}] = 0f;");
                writer.Close();
            }
            writer.Line($"global::System.Buffers.ArrayPool<float>.Shared.Return({rented});");
        }
    }
}
