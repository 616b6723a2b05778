namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// Every model at sizes 9 to 21: the generated loops run their vector part and a scalar remainder (the other
/// properties draw sizes 1 to 4, below one vector), and a batch spans two lane tiles. Checked against the
/// interpreter and its central differences, with the tolerances of <see cref="Tolerances"/>; sums of up to 21
/// terms keep the float error near 1e-6 of the scale, as the worst case measured there.
/// </summary>
public class WideModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Energies_and_state_gradients_match_the_interpreter_one_state_and_batched(int seed)
    {
        var draw = new ModelDraw(seed, wide: true);
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            const int count = 70;
            var batch = m.DrawBatch(draw, count);
            var energies = new float[count];
            var gradients = m.Layout.ContinuousStates.Select(s => new float[count * s.Size]).ToArray();
            m.Model.StateGradient(Contract.In(batch), Contract.Out(gradients), energies);
            foreach (int r in new[] { 0, 1, 63, 64, 69 })
            {
                var row = m.Row(batch, r);
                var point = ModelUnderTest.ToDouble(row);
                Tolerances.Energy(m.Interpret(point), energies[r], $"{m}, row {r}");
                var single = m.Layout.ContinuousStates.Select(s => new float[s.Size]).ToArray();
                Tolerances.Within(m.Model.StateGradient(Contract.In(row), Contract.Out(single)), energies[r], Tolerances.SameFloatRelative, $"{m}, row {r}: energy of one state");
                for (int c = 0; c < gradients.Length; c++)
                {
                    var group = m.Layout.ContinuousStates[c];
                    int index = m.Layout.StateIndex(group.Name);
                    for (int i = 0; i < group.Size; i++)
                    {
                        double expected = Tolerances.Derivative(value => m.Interpret(With(point, index, i, value)), point[index][i]);
                        Tolerances.Gradient(expected, gradients[c][r * group.Size + i], $"{m}, row {r}: ∂E/∂{group.Name}[{i}]");
                        Tolerances.Gradient(expected, single[c][i], $"{m}, row {r}, one state: ∂E/∂{group.Name}[{i}]");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Weighted_parameter_gradients_match_central_differences(int seed)
    {
        var draw = new ModelDraw(seed, wide: true);
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            const int count = 3;
            var batch = m.DrawBatch(draw, count);
            float[] weights = draw.Values(count, 2);
            var gradient = new float[m.Layout.ParameterCount];
            m.Model.AccumulateParameterGradient(Contract.In(batch), weights, gradient);
            double[] theta = m.Theta.Select(v => (double)v).ToArray();
            var points = Enumerable.Range(0, count).Select(r => ModelUnderTest.ToDouble(m.Row(batch, r))).ToArray();
            // Every 7th entry: the parameters' vectorised blocks, at a fraction of the interpreter's cost.
            for (int index = 0; index < theta.Length; index += 7)
            {
                double expected = 0;
                for (int r = 0; r < count; r++)
                    expected += weights[r] * Tolerances.Derivative(value => m.Interpret(points[r], WithTheta(theta, index, value)), theta[index]);
                Tolerances.Gradient(expected, gradient[index], $"{m}: Σ weight · ∂E/∂θ[{index}]");
            }
        }
    }

    private static double[][] With(double[][] point, int group, int unit, double value)
    {
        var copy = point.Select(g => (double[])g.Clone()).ToArray();
        copy[group][unit] = value;
        return copy;
    }

    private static double[] WithTheta(double[] theta, int index, double value)
    {
        var copy = (double[])theta.Clone();
        copy[index] = value;
        return copy;
    }
}
