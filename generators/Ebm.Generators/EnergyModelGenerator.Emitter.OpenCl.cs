using Ebm.Generators.Emit;
using Ebm.Generators.Model;
using Ebm.Generators.Structure;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The OpenCL side of the model object (specs/opencl.md, "Generated kernels"): the kernel source as a raw string,
    // and the IOpenClModel members that give the runtime the parameter buffer the kernels read.
    internal static partial class Emitter
    {
        private static void WriteOpenCl(SourceWriter writer, ModelNames names, StructureSpec structure)
        {
            string source;
            try
            {
                source = OpenClProgram.Source(names.Model, structure);
            }
            catch (Exception e)
            {
                // The generator never throws: a model the OpenCL emitter cannot translate still gets its C#, and
                // building its kernels fails with this line in the build log.
                source = $"#error Ebm.Generators could not translate {names.Model.ClassName} to OpenCL C: {e.Message.Replace('\n', ' ')}\n";
            }

            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// The OpenCL C 1.2 kernels of <c>{Xml(names.Model.ClassName)}</c> (specs/opencl.md): energy, state gradient, ULA and MALA moves,");
            writer.Line("/// one Gibbs update per block, one work item per chain. Build it after <c>Ebm.OpenCL.Kernels.RandomFunctions.Source</c>");
            writer.Line("/// with <c>-D EBM_SIZE_k=value</c> for each size; <c>Ebm.OpenCL</c> does this.");
            writer.Line("/// </summary>");
            writer.Line(GeneratedCode);
            writer.Line("public const string OpenClSource = \"\"\"");
            foreach (var line in source.TrimEnd('\n').Split('\n'))
                writer.Line(line.Length == 0 ? "" : "    " + line);
            writer.Line("    \"\"\";");

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("string global::Ebm.IOpenClModel.OpenClSource => OpenClSource;");

            IReadOnlyList<string> sizes = names.SizeMembers.Select(s => "Parameters." + Identifier(s)).ToList();
            string constLength = string.Concat(names.Const.Select(p => " + " + (p.Shape.Rank == Rank.Scalar ? "1" : ModelNames.Length(p.Shape, sizes))));
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public int KernelParameterCount => Layout.ParameterCount{constLength};");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Open($"public void CopyKernelParameters({Span} destination)");
            writer.Line($"{Support}.RequireLength(destination, KernelParameterCount, nameof(destination));");
            writer.Line("Parameters.Vector.CopyTo(destination);");
            if (names.Const.Count > 0)
                writer.Line("int offset = Layout.ParameterCount;");
            foreach (var p in names.Const)
            {
                string member = "Parameters." + Identifier(p.Name);
                if (p.Shape.Rank == Rank.Scalar)
                    writer.Line($"destination[offset++] = {member};");
                else
                {
                    writer.Line($"{member}.CopyTo(destination.Slice(offset));");
                    writer.Line($"offset += {member}.Length;");
                }
            }
            writer.Close();
        }
    }
}
