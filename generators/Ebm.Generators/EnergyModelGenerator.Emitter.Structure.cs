using Ebm.Generators.Emit;
using Ebm.Generators.Ir;
using Ebm.Generators.Model;
using Ebm.Generators.Structure;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // What structure analysis yields (specs/structure.md): the structure in the description, the conditional
    // logits of each binary group, the free energy of each summable group, the conditional of each Gaussian
    // group, and the IGibbsModel members that dispatch on a group's name.
    internal static partial class Emitter
    {
        private static void WriteStructureDescription(SourceWriter writer, StructureSpec structure)
        {
            if (structure.IsEmpty)
            {
                writer.Line(";");
                return;
            }
            string blocks = string.Join(", ", structure.Blocks.Select(b => $"new {Core}.GibbsBlock({Strings(b.Groups)}, IsSequential: {(b.Sequential ? "true" : "false")})"));
            writer.Line("{");
            writer.Line("    // Found by structure analysis of Energy: the blocks of a Gibbs sweep, and which groups have closed-form conditionals.");
            writer.Line($"    Structure = new {Core}.ModelStructure(");
            writer.Line($"        GibbsBlocks: new {Core}.GibbsBlock[] {{ {blocks} }},");
            writer.Line($"        BinaryGroups: {Strings(structure.Binary)},");
            writer.Line($"        SummableGroups: {Strings(structure.Summable)},");
            writer.Line($"        GaussianGroups: {Strings(structure.Gaussian)}),");
            writer.Line("};");
        }

        private static string Pascal(string name) => ModelNames.GroupSuffix(name);

        private static InputSpec State(ModelNames names, string group) => names.States.First(s => s.Name == group);

        private static void WriteStructure(SourceWriter writer, ModelNames names, StructureSpec structure)
        {
            foreach (var group in structure.Binary)
            {
                var program = StructurePrograms.ConditionalLogits(names.Model, group);
                string summary = structure.Blocks.Any(b => b.Sequential && b.Groups.Contains(group))
                    ? $"The conditional logits of {group}, E({group}ᵢ = 0) − E({group}ᵢ = 1) = −∂E/∂{group}ᵢ − ∂²E/∂{group}ᵢ²·(½ − {group}ᵢ) (exact: E is quadratic in {group}), each at the current values of the other units: draw unit by unit"
                    : $"The conditional logits of {group}, E({group}ᵢ = 0) − E({group}ᵢ = 1) = −∂E/∂{group}ᵢ (E is affine in {group}, so they do not depend on {group})";
                // One state is a batch of one row, laid out alike, so only the batch method is emitted.
                WriteConditional(writer, names, program, "ConditionalLogits" + Pascal(group), names.States, State(names, group),
                    new[] { (StructurePrograms.Logits, $"Receives the logit of p({group}ᵢ = 1 | rest) of every unit") }, summary, batch: true);
            }
            foreach (var group in structure.Summable)
            {
                var program = StructurePrograms.FreeEnergy(names.Model, group);
                var rest = names.States.Where(s => s.Name != group).ToList();
                foreach (bool batch in new[] { false, true })
                    WriteFreeEnergy(writer, names, program, group, rest, batch);
            }
            foreach (var group in structure.Gaussian)
            {
                var program = StructurePrograms.GaussianConditional(names.Model, group);
                var rest = names.States.Where(s => s.Name != group).ToList();
                string summary = $"The conditional of {group} given the other groups, independent normals: variance 1/Hᵢᵢ with Hᵢᵢ = ∂²E/∂{group}ᵢ² (E is quadratic in {group} with a diagonal Hessian), mean {group} − ∇E/H at any {group}, here {group} = 0";
                WriteConditional(writer, names, program, "GaussianConditional" + Pascal(group), rest, State(names, group),
                    new[] { (StructurePrograms.Mean, $"Receives the mean of every unit of {group}"), (StructurePrograms.Variance, $"Receives the variance of every unit of {group}") },
                    summary, batch: true);
            }
        }

        /// <summary>A method writing one or two spans laid out like <paramref name="group"/>: logits, or a Gaussian's mean and variance.</summary>
        private static void WriteConditional(SourceWriter writer, ModelNames names, IrProgram program, string method, IReadOnlyList<InputSpec> states,
            InputSpec group, IReadOnlyList<(string Output, string Doc)> outputs, string summary, bool batch)
        {
            var scope = new MethodScope(names, batch, states);
            var parameters = scope.StateParameters().ToList();
            var spans = outputs.Select(o => scope.Table.Fresh(o.Output)).ToList();
            for (int k = 0; k < spans.Count; k++)
            {
                parameters.Add($"{Span} {spans[k]}");
                scope.Outputs[outputs[k].Output] = spans[k];
            }
            scope.BindParameters();
            var kernel = new Kernel(program, scope.Bindings, scope.Table);

            writer.Line();
            writer.Line($"/// <summary>{Xml(summary)}{(batch ? ", for each state of a batch" : "")}.</summary>");
            WriteStateParamDocs(writer, names, batch, states);
            for (int k = 0; k < spans.Count; k++)
                writer.Line($"/// <param name=\"{spans[k]}\">{Xml(outputs[k].Doc)}{(batch ? ", one row per state; its rows are the batch size" : "")}.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Open($"public void {method}({string.Join(", ", parameters)})");
            string size = scope.SizeOf(group);
            var checks = new List<string>();
            if (batch)
                writer.Line($"int {size} = this.Parameters.{Identifier(names.SizeMembers[group.Shape.Length])};");
            checks.AddRange(scope.StateChecks());
            checks.AddRange(spans.Select(span => batch
                ? $"{Support}.RequireRows({span}, {scope.Count}, {size}, nameof({span}));"
                : $"{Support}.RequireLength({span}, {size}, nameof({span}));"));
            if (batch)
                checks.Insert(0, $"int {scope.Count} = {Support}.RowCount({spans[0]}, {size}, nameof({spans[0]}));");
            scope.Prologue(writer, kernel, null, batch ? Array.Empty<int>() : new[] { group.Shape.Length }, checks, skipSize: batch ? group.Shape.Length : null);
            kernel.Emit(writer);
            writer.Close();
        }

        private static void WriteFreeEnergy(SourceWriter writer, ModelNames names, IrProgram program, string group, IReadOnlyList<InputSpec> rest, bool batch)
        {
            var scope = new MethodScope(names, batch, rest);
            var parameters = scope.StateParameters().ToList();
            string energies = scope.Table.Fresh("freeEnergies");
            if (batch)
            {
                parameters.Add($"{Span} {energies}");
                scope.Outputs["F"] = energies;
            }
            scope.BindParameters();
            var kernel = new Kernel(program, scope.Bindings, scope.Table);

            writer.Line();
            writer.Line($"/// <summary>");
            writer.Line($"/// The free energy with {Xml(group)} summed out, F = −log Σ_{Xml(group)} e^(−E) = E({Xml(group)} = 0) − Σⱼ softplus(−∂E/∂{Xml(group)}ⱼ):");
            writer.Line($"/// E is affine in {Xml(group)} with no term between its units, so the sum factorises unit by unit{(batch ? "; for each state of a batch" : "")}.");
            writer.Line($"/// </summary>");
            WriteStateParamDocs(writer, names, batch, rest);
            if (batch)
                writer.Line($"/// <param name=\"{energies}\">Receives F of each row; its length is the batch size.</param>");
            else
                writer.Line("/// <returns>F.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
            writer.Line(GeneratedCode);
            writer.Open($"public {(batch ? "void" : "float")} FreeEnergy{Pascal(group)}({string.Join(", ", parameters)})");
            scope.Prologue(writer, kernel, batch ? energies : null, Array.Empty<int>(), scope.StateChecks());
            kernel.Emit(writer);
            if (!batch)
                writer.Line($"return {kernel.Returned};");
            writer.Close();
        }

        /// <summary>The IGibbsModel members: each looks the group up by name and calls its typed method with the list's rows.</summary>
        private static void WriteStructureContract(SourceWriter writer, ModelNames names, StructureSpec structure)
        {
            if (structure.IsEmpty)
                return;
            string memories = $"{Lists}<global::System.ReadOnlyMemory<float>>";
            string groups = Literal($"state group ({names.StateList})");
            string Rows(IEnumerable<InputSpec> states) => string.Join(", ", states.Select(s => $"states[{names.States.ToList().IndexOf(s)}].Span"));
            string With(string first, string second) => first.Length == 0 ? second : $"{first}, {second}";

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public global::Ebm.ModelStructure Structure => Description.Structure;");

            void Dispatch(string signature, IEnumerable<string> cases, string what, string argument)
            {
                writer.Line();
                writer.Open(signature);
                writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
                writer.Open($"switch ({argument})");
                foreach (var line in cases)
                    writer.Line(line);
                writer.Line("default:");
                writer.Line($"    throw new global::System.ArgumentException($\"{names.Model.ClassName} has no {what} named '{{{argument}}}'.\", nameof({argument}));");
                writer.Close();
                writer.Close();
            }

            Dispatch($"void global::Ebm.IGibbsModel.ConditionalLogits(string group, {memories} states, {Span} logits)",
                structure.Binary.Select(g => $"case {Literal(g)}: ConditionalLogits{Pascal(g)}({Rows(names.States)}, logits); return;"),
                $"binary group with conditional logits ({string.Join(", ", structure.Binary)})", "group");
            Dispatch($"void global::Ebm.IGibbsModel.FreeEnergy(string summedGroup, {memories} states, {Span} freeEnergies)",
                structure.Summable.Select(g => $"case {Literal(g)}: FreeEnergy{Pascal(g)}({With(Rows(names.States.Where(s => s.Name != g)), "freeEnergies")}); return;"),
                $"summable group ({string.Join(", ", structure.Summable)})", "summedGroup");
            Dispatch($"void global::Ebm.IGibbsModel.GaussianConditional(string group, {memories} states, {Span} mean, {Span} variance)",
                structure.Gaussian.Select(g => $"case {Literal(g)}: GaussianConditional{Pascal(g)}({With(Rows(names.States.Where(s => s.Name != g)), "mean, variance")}); return;"),
                $"Gaussian group ({string.Join(", ", structure.Gaussian)})", "group");
        }
    }
}
