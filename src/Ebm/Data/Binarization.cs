using static System.FormattableString;
using Ebm.Rng;

namespace Ebm.Data;

/// <summary>
/// Turns values in [0, 1] into binary data {0, 1} for Bernoulli visible units, deterministically by a threshold or
/// stochastically with the value as the probability of a one.
/// </summary>
public static class Binarization
{
    /// <summary>The default threshold: a Fashion-MNIST pixel becomes 1 when byte / 255 &gt; 0.5, i.e. byte ≥ 128.</summary>
    public const float DefaultThreshold = 0.5f;

    /// <summary>
    /// v = 1 if x &gt; 0.5 else 0: the rule of the peers' <c>data.py</c> (<c>x/255 &gt; 0.5</c>), whose bytes this
    /// reproduces exactly for Fashion-MNIST.
    /// </summary>
    /// <param name="data">Values, typically in [0, 1].</param>
    /// <returns>A dataset with the same items and labels and values 0f or 1f.</returns>
    public static Dataset Threshold(Dataset data) => Threshold(data, DefaultThreshold);

    /// <summary>v = 1 if x &gt; <paramref name="threshold"/> else 0 (strictly greater, as in the peers' loader).</summary>
    /// <param name="data">Values, typically in [0, 1].</param>
    /// <param name="threshold">The threshold; NaN values become 0.</param>
    /// <returns>A dataset with the same items and labels and values 0f or 1f.</returns>
    public static Dataset Threshold(Dataset data, float threshold)
    {
        ArgumentNullException.ThrowIfNull(data);
        ReadOnlySpan<float> x = data.Values.Span;
        var v = new float[x.Length];
        for (int i = 0; i < v.Length; i++)
            v[i] = x[i] > threshold ? 1f : 0f;
        return data.WithValues(v, Invariant($"{data.Source}, binarised by x > {threshold}"));
    }

    /// <summary>Stochastic binarisation at step 0: see <see cref="Stochastic(Dataset, ulong, ulong)"/>.</summary>
    /// <param name="data">Values in [0, 1], read as probabilities.</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <returns>A dataset with the same items and labels and values 0f or 1f.</returns>
    public static Dataset Stochastic(Dataset data, ulong seed) => Stochastic(data, seed, 0);

    /// <summary>
    /// v ~ Bernoulli(x): element j of row r is <see cref="RandomStream.Bernoulli"/>(j, x) of the stream
    /// (<paramref name="seed"/>, r, <paramref name="step"/>). A trainer that re-binarises every epoch passes the
    /// epoch as the step, so each epoch sees fresh draws and a rerun sees the same ones.
    /// </summary>
    /// <param name="data">Values in [0, 1], read as probabilities (below 0 or NaN never gives 1, above 1 always does).</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <param name="step">The step of the draws (the epoch, for dynamic binarisation).</param>
    /// <returns>A dataset with the same items and labels and values 0f or 1f.</returns>
    public static Dataset Stochastic(Dataset data, ulong seed, ulong step)
    {
        ArgumentNullException.ThrowIfNull(data);
        var v = new float[data.Values.Length];
        for (int r = 0; r < data.Rows; r++)
            new RandomStream(seed, (uint)r, step).FillBernoulli(data.Row(r), v.AsSpan(r * data.Columns, data.Columns));
        return data.WithValues(v, $"{data.Source}, binarised by Bernoulli(x) with seed {seed}, step {step}");
    }
}
