using Ebm.Generators.Emit;
using Ebm.Generators.Ir;

namespace Ebm.Generators;

public sealed partial class EnergyModelGenerator
{
    // The second-order pieces for score-based learning: the parameter gradient of u·∇ₓE, which denoising and
    // sliced score matching and gradient penalties differentiate through.
    internal static partial class Emitter
    {
        private static void WriteDirectionalParameterGradient(SourceWriter writer, ModelNames names, IrProgram program) =>
            WriteWeightedParameterGradient(writer, names, program, "AccumulateDirectionalParameterGradient", withDirections: true,
            [
                "Adds Σᵣ weightᵣ · ∇θ(uᵣ·∇ₓE(stateᵣ)) to <paramref name=\"{0}\"/>, summing uₓ·∇ₓE over the continuous",
                "groups x, for the trainable parameters θ laid out as <see cref=\"Layout\"/>: with uᵣ = ∇ₓE(stateᵣ) it is the",
                "gradient of ½‖∇ₓE‖², which denoising score matching needs.",
            ]);

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

            writer.Line();
            writer.Open($"void global::Ebm.IScoreModel.DirectionalSecondDerivative({memories} states, {memories} directions, {Span} values)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"{Support}.RequireCount(directions, {names.Continuous.Count}, {continuous}, nameof(directions));");
            writer.Line($"DirectionalSecondDerivative({rows}, {directions}, values);");
            writer.Close();

            writer.Line();
            writer.Open($"void global::Ebm.IScoreModel.AccumulateDirectionalSecondDerivativeParameterGradient({memories} states, {memories} directions, {ReadOnlySpan} weights, {Span} gradient)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"{Support}.RequireCount(directions, {names.Continuous.Count}, {continuous}, nameof(directions));");
            writer.Line($"AccumulateDirectionalSecondDerivativeParameterGradient({rows}, {directions}, weights, gradient);");
            writer.Close();

            writer.Line();
            writer.Open($"void global::Ebm.IScoreModel.Laplacian({memories} states, {Span} laplacians)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"Laplacian({rows}, laplacians);");
            writer.Close();

            writer.Line();
            writer.Open($"void global::Ebm.IScoreModel.AccumulateLaplacianParameterGradient({memories} states, {ReadOnlySpan} weights, {Span} gradient)");
            writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
            writer.Line($"AccumulateLaplacianParameterGradient({rows}, weights, gradient);");
            writer.Close();
        }
    }
}
