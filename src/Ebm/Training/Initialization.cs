using Ebm.Rng;

namespace Ebm.Training;

/// <summary>
/// Starting values for trainable parameters other than the generated factory's N(0, 0.01²) weights, which suit RBMs
/// but leave a deep energy's state gradient near zero, so that its score-matching gradients start vanishingly small.
/// </summary>
public static class Initialization
{
    /// <summary>
    /// LeCun's normal initialisation: every trainable matrix N(0, 1/columns) (the fan-in of W·x), drawn from
    /// <c>RandomStream(seed, k, 0)</c> for the k-th trainable parameter; vectors and scalars 0.
    /// </summary>
    /// <param name="layout">The model's layout.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>A flat parameter vector for <c>WithParameters</c> or the generated <c>Parameters.WithVector</c>.</returns>
    public static float[] LeCunNormal(ModelLayout layout, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var theta = new float[layout.ParameterCount];
        for (int k = 0; k < layout.Parameters.Count; k++)
        {
            ParameterLayout p = layout.Parameters[k];
            if (p.Rank != ParameterRank.Matrix)
                continue;
            Span<float> values = theta.AsSpan(p.Offset, p.Length);
            new RandomStream(seed, (uint)k, 0).FillNormal(values);
            float scale = 1f / MathF.Sqrt(p.Shape[1]);
            for (int i = 0; i < values.Length; i++)
                values[i] *= scale;
        }
        return theta;
    }
}
