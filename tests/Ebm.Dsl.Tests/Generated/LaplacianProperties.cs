using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// The generated second derivatives in the states — uᵀ∇ₓ²E u, the Laplacian, and their parameter gradients —
/// against second central differences of the interpreter in double, and the batch forms against their rows.
/// </summary>
/// <remarks>
/// uᵀ∇ₓ²E u is [E(x + hu) − 2E(x) + E(x − hu)] / h² with h = <see cref="Step"/> = 1e-3: truncation error
/// h²/12 times fourth derivatives ≈ 1e-7 of their scale, rounding ≈ 1e-16·|E|/h² = 1e-10·|E|. The parameter
/// gradients difference that in θ with the same step, which amplifies the rounding to ≈ 1e-7 and adds
/// ≈ 2e-7 of truncation. The generated float code carries a few 1e-6 of the scale per derivative order;
/// <see cref="Relative"/> = 5e-4 of max(1, |expected|) covers third derivatives, and a wrong rule misses by far more.
/// </remarks>
[Properties(Arbitrary = [typeof(ModelDrawArbitrary)], MaxTest = 10)]
public class LaplacianProperties
{
    private const double Step = 1e-3;
    private const double Relative = 5e-4;

    // A batch and its rows sum third derivatives in different orders; each row's float error is a few 1e-6 of
    // its terms' scale, and many weighted rows (weights within ±2) can cancel down to the scale of one.
    private const double SameFloatThirdOrder = 1e-4;

    private static IEnumerable<ModelUnderTest> ScoreModels(ModelDraw draw) =>
        ModelUnderTest.All.Select(type => ModelUnderTest.Create(type, draw)).Where(m => m.Layout.ContinuousStates.Count > 0);

    [Property]
    public void The_directional_second_derivative_is_the_second_central_difference_of_the_interpreter(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var state = m.DrawState(draw);
            var directions = m.Layout.ContinuousStates.Select(s => draw.Values(s.Size, 1)).ToArray();
            var value = new float[1];
            ((IScoreModel)m.Model).DirectionalSecondDerivative(Contract.In(state), Contract.In(directions), value);
            double expected = SecondDifference(m, ModelUnderTest.ToDouble(state), directions, null);
            Tolerances.Within(expected, value[0], Relative, $"{m}: uᵀ∇ₓ²E u");
        }
    }

    [Property]
    public void The_laplacian_is_the_sum_of_second_differences_along_every_unit(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var state = m.DrawState(draw);
            var value = new float[1];
            ((IScoreModel)m.Model).Laplacian(Contract.In(state), value);
            Tolerances.Within(Laplacian(m, ModelUnderTest.ToDouble(state), null), value[0], Relative, $"{m}: Δₓ E");
        }
    }

    [Property]
    public void The_laplacian_parameter_gradient_is_the_central_difference_of_the_laplacian(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var state = m.DrawState(draw);
            float weight = draw.Values(1, 2)[0];
            var gradient = new float[m.Layout.ParameterCount];
            ((IScoreModel)m.Model).AccumulateLaplacianParameterGradient(Contract.In(state), [weight], gradient);

            var point = ModelUnderTest.ToDouble(state);
            double[] theta = m.Theta.Select(v => (double)v).ToArray();
            for (int index = 0; index < theta.Length; index++)
            {
                double expected = weight * (Laplacian(m, point, With(theta, index, theta[index] + Step)) - Laplacian(m, point, With(theta, index, theta[index] - Step))) / (2 * Step);
                Tolerances.Within(expected, gradient[index], Relative, $"{m}, weight {weight} · ∂(Δₓ E)/∂θ[{index}]");
            }
        }
    }

    [Property]
    public void The_directional_second_derivative_parameter_gradient_is_its_central_difference(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var state = m.DrawState(draw);
            var directions = m.Layout.ContinuousStates.Select(s => draw.Values(s.Size, 1)).ToArray();
            var gradient = new float[m.Layout.ParameterCount];
            ((IScoreModel)m.Model).AccumulateDirectionalSecondDerivativeParameterGradient(Contract.In(state), Contract.In(directions), [1f], gradient);

            var point = ModelUnderTest.ToDouble(state);
            double[] theta = m.Theta.Select(v => (double)v).ToArray();
            for (int index = 0; index < theta.Length; index++)
            {
                double expected = (SecondDifference(m, point, directions, With(theta, index, theta[index] + Step))
                    - SecondDifference(m, point, directions, With(theta, index, theta[index] - Step))) / (2 * Step);
                Tolerances.Within(expected, gradient[index], Relative, $"{m}, ∂(uᵀ∇ₓ²E u)/∂θ[{index}]");
            }
        }
    }

    [Property]
    public void Batch_laplacians_and_their_weighted_gradients_are_those_of_the_rows(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var model = (IScoreModel)m.Model;
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            float[] weights = draw.Values(count, 2);
            var laplacians = new float[count];
            var gradient = new float[m.Layout.ParameterCount];
            model.Laplacian(Contract.In(batch), laplacians);
            model.AccumulateLaplacianParameterGradient(Contract.In(batch), weights, gradient);

            var expected = new double[gradient.Length];
            var one = new float[1];
            for (int r = 0; r < count; r++)
            {
                model.Laplacian(Contract.In(m.Row(batch, r)), one);
                Tolerances.Within(one[0], laplacians[r], Tolerances.SameFloatRelative, $"{m}, row {r}: Δₓ E");
                var rowGradient = new float[gradient.Length];
                model.AccumulateLaplacianParameterGradient(Contract.In(m.Row(batch, r)), [1f], rowGradient);
                for (int k = 0; k < expected.Length; k++)
                    expected[k] += weights[r] * rowGradient[k];
            }
            for (int k = 0; k < expected.Length; k++)
                Tolerances.Within(expected[k], gradient[k], SameFloatThirdOrder, $"{m}, entry {k} of Σ weight · ∇θ Δₓ E");
        }
    }

    private static double Laplacian(ModelUnderTest m, double[][] point, double[]? theta)
    {
        double total = 0;
        foreach (var group in m.Layout.ContinuousStates)
        {
            for (int i = 0; i < group.Size; i++)
            {
                var unit = m.Layout.ContinuousStates.Select(s => new float[s.Size]).ToArray();
                unit[m.Layout.ContinuousStates.ToList().IndexOf(group)][i] = 1f;
                total += SecondDifference(m, point, unit, theta);
            }
        }
        return total;
    }

    private static double SecondDifference(ModelUnderTest m, double[][] point, float[][] directions, double[]? theta) =>
        (m.Interpret(Moved(m, point, directions, Step), theta) - 2 * m.Interpret(point, theta) + m.Interpret(Moved(m, point, directions, -Step), theta)) / (Step * Step);

    // The state moved by step·u in every continuous group; binary groups stay.
    private static double[][] Moved(ModelUnderTest m, double[][] point, float[][] directions, double step)
    {
        var copy = point.Select(g => (double[])g.Clone()).ToArray();
        for (int c = 0; c < directions.Length; c++)
        {
            int group = m.Layout.StateIndex(m.Layout.ContinuousStates[c].Name);
            for (int i = 0; i < directions[c].Length; i++)
                copy[group][i] += step * directions[c][i];
        }
        return copy;
    }

    private static double[] With(double[] theta, int index, double value)
    {
        var copy = (double[])theta.Clone();
        copy[index] = value;
        return copy;
    }
}
