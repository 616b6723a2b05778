using Ebm.Generators.Emit;
using Ebm.Generators.Model;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The Parameters record: immutable values at concrete sizes. The trainable parameters live in one flat
    // float[] in declaration order (exactly the vector optimizers update, so conversion is a copy), exposed
    // as named read-only spans; const parameters are held apart and never enter that vector.
    internal static partial class Emitter
    {
        private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
        private const string Support = "global::Ebm.EnergyModelSupport";

        private static void WriteParameters(SourceWriter writer, ModelSpec model, ModelNames names)
        {
            var members = new NameTable(ModelNames.Reserved.Concat(model.Inputs.Where(i => !i.IsState).Select(i => i.Name)).Concat(names.SizeMembers));
            string values = members.Fresh("values");
            var constFields = names.Const.Where(p => p.Shape.Rank != Rank.Scalar).ToDictionary(p => p.Name, p => members.Fresh(p.Name + "Values"));
            IReadOnlyList<string> sizes = names.SizeMembers.Select(Identifier).ToList();

            writer.Line("// The parameter values: the trainable ones in one flat vector (the one optimizers update), the const ones apart.");
            writer.Line($"/// <summary>");
            writer.Line($"/// The parameter values of <c>{model.ClassName}</c> at concrete sizes. Immutable: the trainable parameters");
            writer.Line($"/// ({List(names.Trainable)}) lie in one flat vector, <see cref=\"Vector\"/>, laid out as <see cref=\"Layout\"/>.");
            writer.Line($"/// </summary>");
            writer.Line(GeneratedCode);
            writer.Open("public sealed record Parameters");
            writer.Line($"private readonly float[] {values};");
            foreach (var field in constFields.Values)
                writer.Line($"private readonly float[] {field};");
            writer.Line();

            // The constructor: the layout carries the sizes, so a new vector of values reuses it.
            var constructorNames = new NameTable(names.Const.Select(p => p.Name));
            string layout = constructorNames.Fresh("layout");
            string vector = constructorNames.Fresh("values");
            var constructorArguments = new[] { $"global::Ebm.ModelLayout {layout}" }
                .Concat(names.Const.Select(p => $"{(p.Shape.Rank == Rank.Scalar ? "float" : "float[]")} {Identifier(p.Name)}"))
                .Append($"float[] {vector}");
            writer.Open($"private Parameters({string.Join(", ", constructorArguments)})");
            writer.Line($"Layout = {layout};");
            for (int s = 0; s < sizes.Count; s++)
                writer.Line($"this.{sizes[s]} = {layout}.Sizes[{s}];");
            foreach (var p in names.Const)
                writer.Line($"this.{(p.Shape.Rank == Rank.Scalar ? Identifier(p.Name) : constFields[p.Name])} = {Identifier(p.Name)};");
            writer.Line($"this.{values} = {vector};");
            writer.Close();

            writer.Line();
            writer.Line("/// <summary>The sizes, the state groups, and where each trainable parameter lies in <see cref=\"Vector\"/>.</summary>");
            writer.Line("public global::Ebm.ModelLayout Layout { get; }");
            for (int s = 0; s < sizes.Count; s++)
            {
                writer.Line();
                writer.Line($"/// <summary>The size {Xml(model.Sizes[s])}.</summary>");
                writer.Line($"public int {sizes[s]} {{ get; }}");
            }

            foreach (var p in model.Inputs.Where(i => !i.IsState))
            {
                writer.Line();
                string role = p.Role == Role.Trainable ? "trainable" : "const";
                string layoutNote = p.Shape.Rank == Rank.Matrix ? ", row-major" : "";
                writer.Line($"/// <summary><c>{Xml(p.Name)}</c>: {Xml(names.ShapeText(p.Shape))}, {role}{layoutNote}.</summary>");
                string name = Identifier(p.Name);
                if (p.Role == Role.Const)
                {
                    writer.Line(p.Shape.Rank == Rank.Scalar
                        ? $"public float {name} {{ get; }}"
                        : $"public {ReadOnlySpan} {name} => {constFields[p.Name]};");
                    continue;
                }
                int index = names.Trainable.ToList().IndexOf(p);
                string offset = names.Offset(index, sizes);
                writer.Line(p.Shape.Rank == Rank.Scalar
                    ? $"public float {name} => {values}[{offset}];"
                    : $"public {ReadOnlySpan} {name} => new {ReadOnlySpan}({values}, {offset}, {ModelNames.Length(p.Shape, sizes)});");
            }

            writer.Line();
            writer.Line("/// <summary>The trainable parameters as one flat vector, laid out as <see cref=\"Layout\"/>.</summary>");
            writer.Line($"public {ReadOnlySpan} Vector => {values};");

            writer.Line();
            WriteFactory(writer, model, names, sizes);

            writer.Line();
            writer.Line("/// <summary>A copy of <see cref=\"Vector\"/>.</summary>");
            writer.Line("/// <returns>A new array of <see cref=\"global::Ebm.ModelLayout.ParameterCount\"/> values.</returns>");
            writer.Line($"public float[] ToVector() => (float[]){values}.Clone();");

            writer.Line();
            var constArguments = names.Const.Select(p => p.Shape.Rank == Rank.Scalar ? Identifier(p.Name) : constFields[p.Name]);
            writer.Line("/// <summary>The same sizes and const parameters with the trainable parameters read from a flat vector.</summary>");
            writer.Line("/// <param name=\"vector\">The trainable parameters laid out as <see cref=\"Layout\"/>; copied.</param>");
            writer.Line("/// <returns>New parameter values; these are unchanged.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The vector's length is not the parameter count.</exception>");
            writer.Open($"public Parameters WithVector({ReadOnlySpan} vector)");
            writer.Line($"{Support}.RequireLength(vector, Layout.ParameterCount, nameof(vector));");
            writer.Line($"return new Parameters({string.Join(", ", new[] { "Layout" }.Concat(constArguments).Append($"{Support}.Copy(vector)"))});");
            writer.Close();

            writer.Line();
            writer.Line("// The same with the caller's array itself: only Model.Rebind, whose caller promises not to change it.");
            writer.Open("internal Parameters Over(float[] vector)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(vector);");
            writer.Line($"{Support}.RequireLength(vector, Layout.ParameterCount, nameof(vector));");
            writer.Line($"return new Parameters({string.Join(", ", new[] { "Layout" }.Concat(constArguments).Append("vector"))});");
            writer.Close();

            writer.Line();
            var comparisons = new List<string> { "other is not null", "Layout.Equals(other.Layout)" };
            foreach (var p in names.Const)
                comparisons.Add(p.Shape.Rank == Rank.Scalar
                    ? $"{Identifier(p.Name)}.Equals(other.{Identifier(p.Name)})"
                    : $"global::System.MemoryExtensions.SequenceEqual({Identifier(p.Name)}, other.{Identifier(p.Name)})");
            comparisons.Add("global::System.MemoryExtensions.SequenceEqual(Vector, other.Vector)");
            writer.Line("/// <summary>Equal when the sizes and every value are.</summary>");
            writer.Line("/// <param name=\"other\">The values to compare with.</param>");
            writer.Line("/// <returns>Whether they are equal.</returns>");
            writer.Line($"public bool Equals(Parameters? other) =>");
            writer.Indent();
            for (int k = 0; k < comparisons.Count; k++)
                writer.Line((k == 0 ? "" : "&& ") + comparisons[k] + (k == comparisons.Count - 1 ? ";" : ""));
            writer.Outdent();

            writer.Line();
            writer.Line("/// <summary>Consistent with <see cref=\"Equals(Parameters)\"/>: values that are equal have equal layouts.</summary>");
            writer.Line("/// <returns>The hash of the layout.</returns>");
            writer.Line("public override int GetHashCode() => Layout.GetHashCode();");
            writer.Close();
        }

        /// <summary>
        /// Create(sizes…, consts…, seed): matrices drawn from N(0, 0.01²), vectors and scalars zero, each trainable
        /// matrix from the Philox stream numbered by its position among Energy's parameters, at step 0.
        /// </summary>
        private static void WriteFactory(SourceWriter writer, ModelSpec model, ModelNames names, IReadOnlyList<string> sizeMembers)
        {
            var local = new NameTable(model.Sizes.Concat(names.Const.Select(p => p.Name)));
            string seed = local.Fresh("seed");
            string layout = local.Fresh("layout");
            string values = local.Fresh("values");
            var arguments = model.Sizes.Select(s => $"int {Identifier(s)}")
                .Concat(names.Const.Select(p => $"{(p.Shape.Rank == Rank.Scalar ? "float" : ReadOnlySpan)} {Identifier(p.Name)}"))
                .Append($"ulong {seed}");
            IReadOnlyList<string> sizes = model.Sizes.Select(Identifier).ToList();

            writer.Line($"/// <summary>");
            writer.Line($"/// Parameters at the given sizes, initialised from <paramref name=\"{seed}\"/>: each trainable matrix from N(0, 0.01²)");
            writer.Line($"/// (Philox stream k for the parameter at position k of Energy, step 0, unit = index in the matrix), vectors and scalars 0.");
            writer.Line($"/// </summary>");
            foreach (var size in model.Sizes)
                writer.Line($"/// <param name=\"{Xml(size)}\">The size {Xml(size)}.</param>");
            foreach (var p in names.Const)
                writer.Line($"/// <param name=\"{Xml(p.Name)}\">The const parameter {Xml(p.Name)}: {Xml(names.ShapeText(p.Shape))}{(p.Shape.Rank == Rank.Matrix ? ", row-major" : "")}.</param>");
            writer.Line($"/// <param name=\"{seed}\">The seed of the initialisation.</param>");
            writer.Line("/// <returns>The parameters.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A size is negative.</exception>");
            if (names.Const.Any(p => p.Shape.Rank != Rank.Scalar))
                writer.Line("/// <exception cref=\"global::System.ArgumentException\">A const vector or matrix has the wrong length.</exception>");
            writer.Open($"public static Parameters Create({string.Join(", ", arguments)})");
            writer.Line($"var {layout} = new global::Ebm.ModelLayout({names.Qualified}.Description, new[] {{ {string.Join(", ", sizes)} }});");
            foreach (var p in names.Const.Where(p => p.Shape.Rank != Rank.Scalar))
                writer.Line($"{Support}.RequireLength({Identifier(p.Name)}, {ModelNames.Length(p.Shape, sizes)}, nameof({Identifier(p.Name)}));");
            writer.Line($"var {values} = new float[{layout}.ParameterCount];");
            foreach (var p in names.Trainable.Where(p => p.Shape.Rank == Rank.Matrix))
            {
                int stream = model.Inputs.ToList().IndexOf(p);
                int index = names.Trainable.ToList().IndexOf(p);
                string span = local.Fresh(p.Name);
                writer.Line();
                writer.Line($"// {p.Name} ~ N(0, 0.01²), from stream {stream}");
                writer.Line($"var {span} = new global::System.Span<float>({values}, {names.Offset(index, sizes)}, {ModelNames.Length(p.Shape, sizes)});");
                writer.Line($"new global::Ebm.Rng.RandomStream({seed}, {stream}u, 0ul).FillNormal({span});");
                writer.Line($"global::System.Numerics.Tensors.TensorPrimitives.Multiply({span}, 0.01f, {span});");
            }
            var constArguments = names.Const.Select(p => p.Shape.Rank == Rank.Scalar ? Identifier(p.Name) : $"{Identifier(p.Name)}.ToArray()");
            writer.Line($"return new Parameters({string.Join(", ", new[] { layout }.Concat(constArguments).Append(values))});");
            writer.Close();
        }

        private static string List(IEnumerable<InputSpec> inputs)
        {
            var list = inputs.Select(i => Xml(i.Name)).ToList();
            return list.Count == 0 ? "none" : string.Join(", ", list);
        }

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
