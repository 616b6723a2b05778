using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// The generated second-order derivatives of every model with a continuous group against mixed central
/// differences of the interpreter in double, and the batch and weighted forms against the single-state ones.
/// </summary>
/// <remarks>
/// ∂/∂θ (u·∇ₓE) is the mixed difference [E(x+hu, θ+k) − E(x−hu, θ+k) − E(x+hu, θ−k) + E(x−hu, θ−k)] / 4hk with
/// h = k = <see cref="MixedStep"/> = 1e-3: the truncation error is (h² + k²)/6 times third derivatives ≈ 3e-7
/// of their scale, the rounding error ≈ 1e-16·|E|/hk = 1e-10·|E|, both below the generated float code's
/// error (a few 1e-6 of the scale, products of two gradients' worth of rounding). <see cref="Relative"/> = 2e-4
/// of max(1, |expected|) leaves room for both; a wrong rule misses by orders of magnitude.
/// </remarks>
[Properties(Arbitrary = [typeof(ModelDrawArbitrary)], MaxTest = 15)]
public class SecondOrderProperties
{
    private const double MixedStep = 1e-3;
    private const double Relative = 2e-4;

    private static IEnumerable<ModelUnderTest> ScoreModels(ModelDraw draw) =>
        ModelUnderTest.All.Select(type => ModelUnderTest.Create(type, draw)).Where(m => m.Layout.ContinuousStates.Count > 0);

    [Fact]
    public void Models_with_a_continuous_group_are_score_models_and_the_others_are_not()
    {
        var draw = new ModelDraw(1);
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            Assert.Equal(m.Layout.ContinuousStates.Count > 0, m.Model is IScoreModel);
        }
    }

    [Property]
    public void The_directional_parameter_gradient_is_the_mixed_central_difference_of_the_interpreter(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var state = m.DrawState(draw);
            var directions = m.Layout.ContinuousStates.Select(s => draw.Values(s.Size, 1)).ToArray();
            float weight = draw.Values(1, 2)[0];
            var gradient = new float[m.Layout.ParameterCount];

            ((IScoreModel)m.Model).AccumulateDirectionalParameterGradient(Contract.In(state), Contract.In(directions), [weight], gradient);

            var point = ModelUnderTest.ToDouble(state);
            double[] theta = m.Theta.Select(v => (double)v).ToArray();
            foreach (var parameter in m.Layout.Parameters)
            {
                for (int k = 0; k < parameter.Length; k++)
                {
                    int index = parameter.Offset + k;
                    double Along(double t, double sign) => m.Interpret(Moved(m, point, directions, sign * MixedStep), With(theta, index, t));
                    double Directional(double t) => (Along(t, 1) - Along(t, -1)) / (2 * MixedStep);
                    double expected = weight * (Directional(theta[index] + MixedStep) - Directional(theta[index] - MixedStep)) / (2 * MixedStep);
                    Tolerances.Within(expected, gradient[index], Relative, $"{m}, weight {weight} · ∂(u·∇ₓE)/∂{parameter.Name}[{k}]");
                }
            }
        }
    }

    /// <remarks>
    /// The oracle for ∇θ ½‖∇ₓE‖², what denoising score matching differentiates: ∇ₓE by central differences of the
    /// interpreter with step <see cref="Tolerances.Step"/> (error ≈ 1e-11 of the energy's scale), then ½‖·‖²
    /// differenced in θ with step <see cref="MixedStep"/>, which amplifies that error by about 1/k to ≈ 1e-8 and
    /// adds a truncation error ≈ 2e-7 of the third derivatives. The generated side passes
    /// its own float ∇ₓE as the direction, as a trainer would; its float error (≈ 1e-6) stays inside
    /// <see cref="Relative"/>.
    /// </remarks>
    [Property]
    public void With_the_state_gradient_as_direction_it_is_the_gradient_of_half_the_squared_gradient_norm(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var state = m.DrawState(draw);
            var directions = m.Layout.ContinuousStates.Select(s => new float[s.Size]).ToArray();
            m.Model.StateGradient(Contract.In(state), Contract.Out(directions));
            var gradient = new float[m.Layout.ParameterCount];

            ((IScoreModel)m.Model).AccumulateDirectionalParameterGradient(Contract.In(state), Contract.In(directions), [1f], gradient);

            var point = ModelUnderTest.ToDouble(state);
            double[] theta = m.Theta.Select(v => (double)v).ToArray();
            double HalfSquaredNorm(double[] at)
            {
                double total = 0;
                foreach (var group in m.Layout.ContinuousStates)
                {
                    int index = m.Layout.StateIndex(group.Name);
                    for (int i = 0; i < group.Size; i++)
                    {
                        double d = Tolerances.Derivative(value => m.Interpret(WithUnit(point, index, i, value), at), point[index][i]);
                        total += 0.5 * d * d;
                    }
                }
                return total;
            }
            for (int index = 0; index < theta.Length; index++)
            {
                double expected = (HalfSquaredNorm(With(theta, index, theta[index] + MixedStep)) - HalfSquaredNorm(With(theta, index, theta[index] - MixedStep))) / (2 * MixedStep);
                Tolerances.Within(expected, gradient[index], Relative, $"{m}, ∂(½‖∇ₓE‖²)/∂θ[{index}]");
            }
        }
    }

    [Property]
    public void The_weighted_directional_accumulation_adds_the_weighted_sum_of_the_rows(ModelDraw draw)
    {
        foreach (var m in ScoreModels(draw))
        {
            var model = (IScoreModel)m.Model;
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            var directions = m.Layout.ContinuousStates.Select(s => draw.Values(count * s.Size, 1)).ToArray();
            float[] weights = draw.Values(count, 2);
            float[] start = draw.Values(m.Layout.ParameterCount, 1);
            float[] gradient = (float[])start.Clone();

            model.AccumulateDirectionalParameterGradient(Contract.In(batch), Contract.In(directions), weights, gradient);

            var expected = start.Select(v => (double)v).ToArray();
            var magnitude = start.Select(v => (double)Math.Abs(v)).ToArray();
            for (int r = 0; r < count; r++)
            {
                var rowDirections = m.Layout.ContinuousStates.Select((s, c) => directions[c].AsSpan(r * s.Size, s.Size).ToArray()).ToArray();
                var rowGradient = new float[m.Layout.ParameterCount];
                model.AccumulateDirectionalParameterGradient(Contract.In(m.Row(batch, r)), Contract.In(rowDirections), [1f], rowGradient);
                for (int k = 0; k < expected.Length; k++)
                {
                    expected[k] += weights[r] * rowGradient[k];
                    magnitude[k] += Math.Abs(weights[r] * rowGradient[k]);
                }
            }
            for (int k = 0; k < expected.Length; k++)
                Tolerances.Accumulated(expected[k], gradient[k], magnitude[k], $"{m}, entry {k}");
        }
    }

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

    private static double[][] WithUnit(double[][] point, int group, int unit, double value)
    {
        var copy = point.Select(g => (double[])g.Clone()).ToArray();
        copy[group][unit] = value;
        return copy;
    }

    private static double[] With(double[] theta, int index, double value)
    {
        var copy = (double[])theta.Clone();
        copy[index] = value;
        return copy;
    }
}
