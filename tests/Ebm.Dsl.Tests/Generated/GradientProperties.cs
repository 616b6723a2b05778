using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// The generated derivatives of every model against central differences of the interpreter (step and
/// tolerance in <see cref="Tolerances"/>), and the batch and weighted forms against the single-state ones.
/// </summary>
[Properties(Arbitrary = [typeof(ModelDrawArbitrary)], MaxTest = 30)]
public class GradientProperties
{
    [Property]
    public void Each_continuous_state_gradient_is_the_central_difference_of_the_interpreter(ModelDraw draw)
    {
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            var state = m.DrawState(draw);
            var gradients = m.Layout.ContinuousStates.Select(s => new float[s.Size]).ToArray();

            float energy = m.Model.StateGradient(Contract.In(state), Contract.Out(gradients));

            var point = ModelUnderTest.ToDouble(state);
            Tolerances.Energy(m.Interpret(point), energy, m);
            for (int c = 0; c < gradients.Length; c++)
            {
                int group = m.Layout.StateIndex(m.Layout.ContinuousStates[c].Name);
                for (int i = 0; i < gradients[c].Length; i++)
                {
                    double expected = Tolerances.Derivative(value => m.Interpret(With(point, group, i, value)), point[group][i]);
                    Tolerances.Gradient(expected, gradients[c][i], $"{m}, ∂E/∂{m.Layout.ContinuousStates[c].Name}[{i}]");
                }
            }
        }
    }

    [Property]
    public void Each_trainable_parameter_gradient_is_the_central_difference_of_the_interpreter(ModelDraw draw)
    {
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            var state = m.DrawState(draw);
            float weight = draw.Values(1, 2)[0];
            var gradient = new float[m.Layout.ParameterCount];

            m.Model.AccumulateParameterGradient(Contract.In(state), [weight], gradient);

            var point = ModelUnderTest.ToDouble(state);
            double[] theta = m.Theta.Select(v => (double)v).ToArray();
            foreach (var parameter in m.Layout.Parameters)
            {
                for (int k = 0; k < parameter.Length; k++)
                {
                    int index = parameter.Offset + k;
                    double expected = weight * Tolerances.Derivative(value => m.Interpret(point, With(theta, index, value)), theta[index]);
                    Tolerances.Gradient(expected, gradient[index], $"{m}, weight {weight} · ∂E/∂{parameter.Name}[{k}]");
                }
            }
        }
    }

    [Property]
    public void Batch_state_gradients_and_energies_are_those_of_the_rows(ModelDraw draw)
    {
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            var gradients = m.Layout.ContinuousStates.Select(s => new float[count * s.Size]).ToArray();
            var energies = new float[count];

            m.Model.StateGradient(Contract.In(batch), Contract.Out(gradients), energies);

            for (int r = 0; r < count; r++)
            {
                var row = m.Row(batch, r);
                var rowGradients = m.Layout.ContinuousStates.Select(s => new float[s.Size]).ToArray();
                float energy = m.Model.StateGradient(Contract.In(row), Contract.Out(rowGradients));
                Tolerances.Within(energy, energies[r], Tolerances.SameFloatRelative, $"{m}, energy of row {r}");
                for (int c = 0; c < rowGradients.Length; c++)
                    for (int i = 0; i < rowGradients[c].Length; i++)
                        Tolerances.Within(rowGradients[c][i], gradients[c][r * rowGradients[c].Length + i], Tolerances.SameFloatRelative, $"{m}, row {r}, group {c}, unit {i}");
            }
        }
    }

    [Property]
    public void The_weighted_accumulation_adds_the_weighted_sum_of_the_rows_gradients(ModelDraw draw)
    {
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            float[] weights = draw.Values(count, 2);
            float[] start = draw.Values(m.Layout.ParameterCount, 1);
            float[] gradient = (float[])start.Clone();

            m.Model.AccumulateParameterGradient(Contract.In(batch), weights, gradient);

            var expected = start.Select(v => (double)v).ToArray();
            var magnitude = start.Select(v => (double)Math.Abs(v)).ToArray();
            for (int r = 0; r < count; r++)
            {
                var rowGradient = new float[m.Layout.ParameterCount];
                m.Model.AccumulateParameterGradient(Contract.In(m.Row(batch, r)), [1f], rowGradient);
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

    private static double[][] With(double[][] point, int group, int unit, double value)
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
