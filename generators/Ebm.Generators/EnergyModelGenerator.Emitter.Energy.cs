using Ebm.Generators.Emit;
using Ebm.Generators.Ir;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The energy of one state (loops over spans) and of a batch (rows of every state group, products as GEMM).
    internal static partial class Emitter
    {
        private static void WriteEnergy(SourceWriter writer, ModelNames names, IrProgram program, bool batch)
        {
            var scope = new MethodScope(names, batch);
            var parameters = scope.StateParameters().ToList();
            string energies = scope.Table.Fresh("energies");
            if (batch)
            {
                parameters.Add($"{Span} {energies}");
                scope.Outputs["E"] = energies;
            }
            scope.BindParameters();
            var kernel = new Kernel(program, scope.Bindings, scope.Table);

            writer.Line();
            if (batch)
            {
                writer.Line($"/// <summary>The energy of each state of a batch: row r of every group is state r.</summary>");
                WriteStateParamDocs(writer, names, batch);
                writer.Line($"/// <param name=\"{energies}\">Receives E of each row; its length is the batch size.</param>");
                writer.Line("/// <exception cref=\"global::System.ArgumentException\">A group does not hold exactly that many rows.</exception>");
            }
            else
            {
                writer.Line($"/// <summary>The energy of one state.</summary>");
                WriteStateParamDocs(writer, names, batch);
                writer.Line("/// <returns>E.</returns>");
                writer.Line("/// <exception cref=\"global::System.ArgumentException\">A group has the wrong length.</exception>");
            }
            writer.Line(GeneratedCode);
            writer.Line(HotMethod);
            writer.Open($"public {(batch ? "void" : "float")} Energy({string.Join(", ", parameters)})");
            scope.Prologue(writer, kernel, batch ? energies : null, Array.Empty<int>(), scope.StateChecks());
            kernel.Emit(writer);
            if (!batch)
                writer.Line($"return {kernel.Returned};");
            writer.Close();
        }

        private static void WriteStateParamDocs(SourceWriter writer, ModelNames names, bool batch, IReadOnlyList<Model.InputSpec>? states = null)
        {
            foreach (var state in states ?? names.States)
            {
                string kind = state.Role == Model.Role.BinaryState ? "binary" : "continuous";
                writer.Line(batch
                    ? $"/// <param name=\"{Xml(state.Name)}\">The {kind} group {Xml(state.Name)}: rows of {Xml(names.Model.Sizes[state.Shape.Length])} units, row-major.</param>"
                    : $"/// <param name=\"{Xml(state.Name)}\">The {kind} group {Xml(state.Name)}: {Xml(names.Model.Sizes[state.Shape.Length])} units.</param>");
            }
        }
    }
}
