using Ebm.Generators.Emit;
using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The model object: parameters bound to the computations, typed methods over one span per state group,
    // and the IEnergyModel members that adapt the contract's lists to them.
    internal static partial class Emitter
    {
        private const string Lists = "global::System.Collections.Generic.IReadOnlyList";
        private const string Span = "global::System.Span<float>";

        private static void WriteCreate(SourceWriter writer, ModelSpec model, ModelNames names)
        {
            writer.Line("// The model object: parameter values bound to the generated energy and gradients.");
            writer.Line($"/// <summary>The energy model <c>{model.ClassName}</c> at the given parameter values, for samplers and trainers.</summary>");
            writer.Line("/// <param name=\"parameters\">The values, from <see cref=\"Parameters.Create\"/> or <see cref=\"Parameters.WithVector\"/>.</param>");
            writer.Line("/// <returns>The model; immutable and safe to share between threads.</returns>");
            writer.Line(GeneratedCode);
            writer.Line($"public static Model Create({names.Qualified}.Parameters parameters) => new Model(parameters);");
        }

        private static void WriteModel(SourceWriter writer, ModelSpec model, ModelNames names)
        {
            string parameters = $"{names.Qualified}.Parameters";
            writer.Line($"/// <summary>The energy model <c>{model.ClassName}</c> bound to its parameter values: energies and gradients in float.</summary>");
            writer.Line(GeneratedCode);
            var structure = Structure.StructureAnalysis.Analyze(model);
            // IScoreModel, IGibbsModel and IOpenClModel all extend IEnergyModel, so it is not named.
            var contracts = new List<string>();
            if (!structure.IsEmpty)
                contracts.Add("global::Ebm.IGibbsModel");
            if (names.Continuous.Count > 0)
                contracts.Add("global::Ebm.IScoreModel");
            contracts.Add("global::Ebm.IOpenClModel");
            contracts.Add("global::Ebm.IRebindableModel");
            writer.Open($"public sealed class Model : {string.Join(", ", contracts)}");
            writer.Open($"internal Model({parameters} parameters)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(parameters);");
            writer.Line("Parameters = parameters;");
            writer.Close();

            writer.Line();
            writer.Line("/// <summary>The parameter values this model computes with.</summary>");
            writer.Line($"public {parameters} Parameters {{ get; }}");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public global::Ebm.ModelLayout Layout => Parameters.Layout;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Open($"public void CopyParameters({Span} destination)");
            writer.Line($"{Support}.RequireLength(destination, Layout.ParameterCount, nameof(destination));");
            writer.Line("Parameters.Vector.CopyTo(destination);");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>The same model with its trainable parameters read from a flat vector; const parameters are kept.</summary>");
            writer.Line("/// <param name=\"values\">The trainable parameters laid out as <see cref=\"Layout\"/>.</param>");
            writer.Line("/// <returns>A new model; this one is unchanged.</returns>");
            writer.Line($"public Model WithParameters({ReadOnlySpan} values) => new Model(Parameters.WithVector(values));");
            writer.Line();
            writer.Line("/// <summary>The same model reading its trainable parameters from <paramref name=\"values\"/> itself, not a copy (for trainers).</summary>");
            writer.Line("/// <param name=\"values\">Laid out as <see cref=\"Layout\"/>; must not change while the returned model is in use.</param>");
            writer.Line("/// <returns>A new model over <paramref name=\"values\"/>.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The array's length is not the parameter count.</exception>");
            writer.Line($"public Model Rebind(float[] values) => new Model(Parameters.Over(values));");
            writer.Line();
            writer.Line("global::Ebm.IEnergyModel global::Ebm.IRebindableModel.Rebind(float[] values) => Rebind(values);");

            var energy = EnergyPrograms.Energy(model);
            var stateGradient = EnergyPrograms.StateGradient(model);
            var parameterGradient = EnergyPrograms.ParameterGradient(model);
            WriteEnergy(writer, names, energy, batch: false);
            WriteEnergy(writer, names, energy, batch: true);
            if (names.Continuous.Count > 0)
            {
                WriteStateGradient(writer, names, stateGradient, batch: false);
                WriteStateGradient(writer, names, stateGradient, batch: true);
            }
            WriteParameterGradient(writer, names, parameterGradient);
            if (names.Continuous.Count > 0)
            {
                WriteDirectionalParameterGradient(writer, names, EnergyPrograms.DirectionalParameterGradient(model));
                WriteSecondDerivatives(writer, names, model);
            }
            WriteStructure(writer, names, structure);
            WriteContract(writer, names);
            if (names.Continuous.Count > 0)
                WriteScoreContract(writer, names);
            WriteStructureContract(writer, names, structure);
            WriteOpenCl(writer, names, structure);
            writer.Close();
        }

        /// <summary>The IEnergyModel members: each checks the list it is given and calls the typed method.</summary>
        private static void WriteContract(SourceWriter writer, ModelNames names)
        {
            string memories = $"{Lists}<global::System.ReadOnlyMemory<float>>";
            string outputs = $"{Lists}<global::System.Memory<float>>";
            string groups = Literal($"state group ({names.StateList})");
            string continuous = Literal($"continuous state group ({string.Join(", ", names.Continuous.Select(s => s.Name))})");
            string Rows(string list) => string.Join(", ", names.States.Select((_, k) => $"{list}[{k}].Span"));
            string Gradients(string list) => string.Join(", ", names.Continuous.Select((_, k) => $"{list}[{k}].Span"));
            string With(string first, string second) => second.Length == 0 ? first : $"{first}, {second}";

            writer.Line();
            writer.Line("// The contract's members: one list entry per state group, in declaration order.");
            writer.Line($"global::Ebm.IEnergyModel global::Ebm.IEnergyModel.WithParameters({ReadOnlySpan} values) => WithParameters(values);");

            writer.Line();
            writer.Open($"float global::Ebm.IEnergyModel.Energy({memories} state)");
            writer.Line($"{Support}.RequireCount(state, {names.States.Count}, {groups}, nameof(state));");
            writer.Line($"return Energy({Rows("state")});");
            writer.Close();

            writer.Line();
            writer.Open($"void global::Ebm.IEnergyModel.Energy({memories} states, {Span} energies)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"Energy({Rows("states")}, energies);");
            writer.Close();

            writer.Line();
            writer.Open($"float global::Ebm.IEnergyModel.StateGradient({memories} state, {outputs} gradients)");
            writer.Line($"{Support}.RequireCount(state, {names.States.Count}, {groups}, nameof(state));");
            writer.Line($"{Support}.RequireCount(gradients, {names.Continuous.Count}, {continuous}, nameof(gradients));");
            writer.Line(names.Continuous.Count == 0
                ? $"return Energy({Rows("state")});"
                : $"return StateGradient({With(Rows("state"), Gradients("gradients"))});");
            writer.Close();

            writer.Line();
            writer.Open($"void global::Ebm.IEnergyModel.StateGradient({memories} states, {outputs} gradients, {Span} energies)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"{Support}.RequireCount(gradients, {names.Continuous.Count}, {continuous}, nameof(gradients));");
            writer.Line(names.Continuous.Count == 0
                ? $"Energy({Rows("states")}, energies);"
                : $"StateGradient({With(Rows("states"), Gradients("gradients"))}, energies);");
            writer.Close();

            writer.Line();
            writer.Open($"void global::Ebm.IEnergyModel.AccumulateParameterGradient({memories} states, {ReadOnlySpan} weights, {Span} gradient)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"AccumulateParameterGradient({Rows("states")}, weights, gradient);");
            writer.Close();
        }

        /// <summary>
        /// The names inside one generated method: the DSL's inputs keep their names (states are the method's
        /// parameters, parameter values become locals), and everything generated is fresh against them.
        /// </summary>
        private sealed class MethodScope
        {
            public MethodScope(ModelNames names, bool batch, IReadOnlyList<InputSpec>? states = null)
            {
                Names = names;
                Batch = batch;
                States = states ?? names.States;
                Table = new NameTable(names.Model.Inputs.Select(i => i.Name));
                Sizes = names.Model.Sizes.Select(s => Table.Fresh(s + "Size")).ToList();
                Count = batch ? Table.Fresh("count") : "";
            }

            public ModelNames Names { get; }

            /// <summary>The state groups the method takes: all of them, or all but the one a conditional is for.</summary>
            public IReadOnlyList<InputSpec> States { get; }

            public bool Batch { get; }

            public NameTable Table { get; }

            /// <summary>The local holding each size's value, by size index.</summary>
            public IReadOnlyList<string> Sizes { get; }

            public string Count { get; }

            public Dictionary<string, string> Inputs { get; } = new(StringComparer.Ordinal);

            public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

            public KernelBindings Bindings => new(Batch, Count, Sizes, Inputs, Outputs);

            /// <summary>The states as parameters of the method: one row each, or a batch of rows.</summary>
            public IEnumerable<string> StateParameters()
            {
                foreach (var state in States)
                    Inputs[state.Name] = Identifier(state.Name);
                return States.Select(s => $"{ReadOnlySpan} {Identifier(s.Name)}");
            }

            public string SizeOf(InputSpec state) => Sizes[state.Shape.Length];

            /// <summary>
            /// The start of the body: the sizes it uses, the batch size, the checks of the caller's spans, and the
            /// parameter values it reads, as locals named like the DSL's parameters.
            /// </summary>
            public void Prologue(SourceWriter writer, Kernel kernel, string? countFrom, IEnumerable<int> moreSizes, IEnumerable<string> checks, int? skipSize = null)
            {
                var used = new HashSet<string>(kernel.UsedInputs, StringComparer.Ordinal);
                var sizes = kernel.UsedSizes.Concat(States.Select(s => s.Shape.Length)).Concat(moreSizes).Distinct().Where(s => s != skipSize).OrderBy(s => s);
                foreach (int s in sizes)
                    writer.Line($"int {Sizes[s]} = this.Parameters.{Identifier(Names.SizeMembers[s])};");
                if (Batch && countFrom is not null)
                    writer.Line($"int {Count} = {countFrom}.Length;");
                foreach (var check in checks)
                    writer.Line(check);
                foreach (var input in Names.Model.Inputs.Where(i => !i.IsState && used.Contains(i.Name)))
                    writer.Line($"{(input.Shape.Rank == Rank.Scalar ? "float" : "var")} {Identifier(input.Name)} = this.Parameters.{Identifier(input.Name)};");
            }

            public IEnumerable<string> StateChecks()
            {
                foreach (var state in States)
                {
                    string name = Identifier(state.Name);
                    yield return Batch
                        ? $"{Support}.RequireRows({name}, {Count}, {SizeOf(state)}, nameof({name}));"
                        : $"{Support}.RequireLength({name}, {SizeOf(state)}, nameof({name}));";
                }
            }

            /// <summary>Binds the parameter values the kernel reads; call before constructing it.</summary>
            public void BindParameters()
            {
                foreach (var input in Names.Model.Inputs.Where(i => !i.IsState))
                    Inputs[input.Name] = Identifier(input.Name);
            }
        }
    }
}
