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

            // Each member checks the lists it is given and calls the typed method with their spans, then its own arguments.
            void Forward(string member, bool withDirections, string extraParameters, string extraArguments)
            {
                writer.Line();
                string lists = withDirections ? $"{memories} states, {memories} directions" : $"{memories} states";
                writer.Open($"void global::Ebm.IScoreModel.{member}({lists}, {extraParameters})");
                writer.Line($"{Support}.RequireCount(states, {names.States.Count}, {groups}, nameof(states));");
                if (withDirections)
                    writer.Line($"{Support}.RequireCount(directions, {names.Continuous.Count}, {continuous}, nameof(directions));");
                writer.Line($"{member}({rows}, {(withDirections ? directions + ", " : "")}{extraArguments});");
                writer.Close();
            }

            string weighted = $"{ReadOnlySpan} weights, {Span} gradient";
            Forward("AccumulateDirectionalParameterGradient", withDirections: true, weighted, "weights, gradient");
            Forward("DirectionalSecondDerivative", withDirections: true, $"{Span} values", "values");
            Forward("AccumulateDirectionalSecondDerivativeParameterGradient", withDirections: true, weighted, "weights, gradient");
            Forward("Laplacian", withDirections: false, $"{Span} laplacians", "laplacians");
            Forward("AccumulateLaplacianParameterGradient", withDirections: false, weighted, "weights, gradient");
        }
    }
}
