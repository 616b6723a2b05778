using Ebm.Rng;

namespace Ebm.Training;

/// <summary>
/// Which state groups each trainable parameter couples, read off the generated parameter gradient rather than the
/// model's name: θ depends on group g when ∂E/∂θ changes as g's state changes. A bias depends on one group, a weight
/// matrix between two groups on both, a lateral matrix within a group on that group alone.
/// </summary>
internal static class ParameterCoupling
{
    /// <summary>For each parameter of the layout, in order, the indices of the state groups its gradient depends on.</summary>
    public static IReadOnlyList<int[]> GroupsOf(IEnergyModel model)
    {
        ModelLayout layout = model.Layout;
        int groups = layout.States.Count;
        // States strictly inside (0, 1) and drawn at random: a polynomial energy's gradient entry that depends on a
        // group changes when all of its units change, except on a set of measure zero.
        float[][] states = [.. layout.States.Select((g, i) => Draw(g.Size, (uint)i, 0))];
        float[] reference = Gradient(model, states);
        var dependsOn = layout.Parameters.Select(_ => new List<int>()).ToArray();
        for (int g = 0; g < groups; g++)
        {
            float[][] changed = [.. states.Select((s, i) => i == g ? Draw(s.Length, (uint)i, 1) : s)];
            float[] gradient = Gradient(model, changed);
            for (int p = 0; p < layout.Parameters.Count; p++)
            {
                ParameterLayout parameter = layout.Parameters[p];
                for (int i = parameter.Offset; i < parameter.Offset + parameter.Length; i++)
                    if (Math.Abs(gradient[i] - reference[i]) > 1e-5f * (1 + Math.Abs(reference[i])))
                    {
                        dependsOn[p].Add(g);
                        break;
                    }
            }
        }
        return [.. dependsOn.Select(d => d.ToArray())];
    }

    private static float[] Draw(int size, uint group, ulong step)
    {
        var values = new float[size];
        new RandomStream(0x5EED_C0DE, group, step).FillUniform(values);
        for (int i = 0; i < size; i++)
            values[i] = 0.2f + 0.6f * values[i];
        return values;
    }

    private static float[] Gradient(IEnergyModel model, float[][] states)
    {
        var gradient = new float[model.Layout.ParameterCount];
        model.AccumulateParameterGradient([.. states.Select(s => new ReadOnlyMemory<float>(s))], [1f], gradient);
        return gradient;
    }
}
