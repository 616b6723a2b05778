using Ebm.Rng;

namespace Ebm.ScoreMatching;

/// <summary>
/// Score-matching losses of an energy model with one continuous state group, and their parameter gradients,
/// from the generated derivatives (the score is s = −∇ₓE; specs/score-matching.md). Each is a mean over the
/// rows of <c>data</c>; noise and projections are drawn from <see cref="RandomStream"/>(seed, row, step), so a
/// loss is a deterministic function of (θ, data, seed, step).
/// </summary>
public static class ScoreMatchingLosses
{
    /// <summary>
    /// Exact score matching (Hyvärinen 2005): J = mean ½‖∇ₓE‖² − Δₓ E, whose minimiser over a family that
    /// contains the data's density is that density; its gradient is ∇θ(u·∇ₓE) at u = ∇ₓE held fixed, minus ∇θ Δₓ E.
    /// </summary>
    /// <param name="model">The model; its only state group is continuous.</param>
    /// <param name="data">Rows of the group's size.</param>
    /// <returns>J and ∂J/∂θ.</returns>
    /// <exception cref="ArgumentException">The model has another state group, or the data are not whole rows.</exception>
    public static ScoreMatchingResult Exact(IScoreModel model, ReadOnlyMemory<float> data)
    {
        int rows = Rows(model, data);
        var gradient = new float[model.Layout.ParameterCount];
        double loss = ExactSum(model, data, rows == 0 ? 0 : 1f / rows, gradient);
        return new ScoreMatchingResult(rows == 0 ? 0 : loss / rows, gradient);
    }

    /// <summary>
    /// Denoising score matching (Vincent 2011) at noise level σ: x̃ = x + σz, L = ½ mean ‖s(x̃) + (x̃ − x)/σ²‖²
    /// with s = −∇ₓE, whose minimiser is the score of the data convolved with N(0, σ²I); the gradient is ∇θ(u·∇ₓE)
    /// at x̃ with u = ∇ₓE(x̃) − (x̃ − x)/σ² held fixed. z of row r is RandomStream(seed, r, step).Normal(unit).
    /// </summary>
    /// <param name="model">The model; its only state group is continuous.</param>
    /// <param name="data">Rows of the group's size.</param>
    /// <param name="sigma">The noise level σ &gt; 0.</param>
    /// <param name="seed">The seed of the noise.</param>
    /// <param name="step">The step of the noise (a new step, new noise).</param>
    /// <returns>L and ∂L/∂θ.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Exact"/>, or σ is not positive and finite.</exception>
    public static ScoreMatchingResult Denoising(IScoreModel model, ReadOnlyMemory<float> data, float sigma, ulong seed, ulong step)
    {
        CheckSigma(sigma);
        int rows = Rows(model, data);
        var gradient = new float[model.Layout.ParameterCount];
        double loss = DenoisingSum(model, data, sigma, seed, step, 0, rows == 0 ? 0 : 1f / rows, gradient);
        return new ScoreMatchingResult(rows == 0 ? 0 : loss / rows, gradient);
    }

    /// <summary>
    /// Sliced score matching (Song et al. 2019) with Gaussian projections v: L = mean vᵀ(∇ₓs)v + ½(vᵀs)² =
    /// mean −vᵀ∇ₓ²E v + ½(vᵀ∇ₓE)², which needs one Hessian-vector product per row instead of the Laplacian's D.
    /// v of row r is RandomStream(seed, r, step).Normal(unit).
    /// </summary>
    /// <param name="model">The model; its only state group is continuous.</param>
    /// <param name="data">Rows of the group's size.</param>
    /// <param name="seed">The seed of the projections.</param>
    /// <param name="step">The step of the projections.</param>
    /// <returns>L and ∂L/∂θ.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Exact"/>.</exception>
    public static ScoreMatchingResult Sliced(IScoreModel model, ReadOnlyMemory<float> data, ulong seed, ulong step)
    {
        int rows = Rows(model, data);
        var gradient = new float[model.Layout.ParameterCount];
        double loss = SlicedSum(model, data, seed, step, 0, rows == 0 ? 0 : 1f / rows, gradient);
        return new ScoreMatchingResult(rows == 0 ? 0 : loss / rows, gradient);
    }

    // The trainer's entry points: the loss summed over the rows, and weight·Σᵣ ∇θ lossᵣ added into gradient, so that
    // chunks of a batch (and NCSN's levels, weight λ(σ)/N) accumulate without a result per call. Row r draws from stream
    // firstStream + r, so chunks of one batch keep the streams of the whole batch.

    internal static double ExactSum(IScoreModel model, ReadOnlyMemory<float> data, float weight, Span<float> gradient)
    {
        int rows = Rows(model, data);
        var gradients = new float[data.Length];
        var laplacians = new float[rows];
        IReadOnlyList<ReadOnlyMemory<float>> states = [data];
        model.StateGradient(states, [gradients], new float[rows]);
        model.Laplacian(states, laplacians);
        double loss = 0;
        int size = data.Length / Math.Max(rows, 1);
        for (int r = 0; r < rows; r++)
            loss += 0.5 * SquaredNorm(gradients.AsSpan(r * size, size)) - laplacians[r];
        model.AccumulateDirectionalParameterGradient(states, [gradients], Weights(rows, weight), gradient);
        model.AccumulateLaplacianParameterGradient(states, Weights(rows, -weight), gradient);
        return loss;
    }

    internal static double DenoisingSum(IScoreModel model, ReadOnlyMemory<float> data, float sigma, ulong seed, ulong step,
                                        uint firstStream, float weight, Span<float> gradient)
    {
        int rows = Rows(model, data);
        int size = rows == 0 ? 0 : data.Length / rows;
        var noisy = new float[data.Length];
        if (rows > 0)
            RandomStreams.FillNormal(seed, firstStream, step, size, noisy);
        ReadOnlySpan<float> x = data.Span;
        for (int k = 0; k < noisy.Length; k++)
            noisy[k] = x[k] + sigma * noisy[k];
        var directions = new float[data.Length];
        model.StateGradient([noisy], [directions], new float[rows]);
        float inverseVariance = 1f / (sigma * sigma);
        double loss = 0;
        for (int k = 0; k < directions.Length; k++)
        {
            directions[k] -= (noisy[k] - x[k]) * inverseVariance;
            loss += 0.5 * directions[k] * (double)directions[k];
        }
        model.AccumulateDirectionalParameterGradient([noisy], [directions], Weights(rows, weight), gradient);
        return loss;
    }

    internal static double SlicedSum(IScoreModel model, ReadOnlyMemory<float> data, ulong seed, ulong step,
                                     uint firstStream, float weight, Span<float> gradient)
    {
        int rows = Rows(model, data);
        int size = rows == 0 ? 0 : data.Length / rows;
        var v = new float[data.Length];
        if (rows > 0)
            RandomStreams.FillNormal(seed, firstStream, step, size, v);
        IReadOnlyList<ReadOnlyMemory<float>> states = [data];
        var gradients = new float[data.Length];
        model.StateGradient(states, [gradients], new float[rows]);
        var curvature = new float[rows];
        model.DirectionalSecondDerivative(states, [v], curvature);
        var projected = new float[rows];
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            double p = 0;
            for (int i = 0; i < size; i++)
                p += (double)v[r * size + i] * gradients[r * size + i];
            projected[r] = (float)(p * weight);
            loss += -curvature[r] + 0.5 * p * p;
        }
        model.AccumulateDirectionalSecondDerivativeParameterGradient(states, [v], Weights(rows, -weight), gradient);
        // ∇θ ½(vᵀ∇ₓE)² = (vᵀ∇ₓE)·∇θ(v·∇ₓE): the directional gradient along v, each row weighted by its projection.
        model.AccumulateDirectionalParameterGradient(states, [v], projected, gradient);
        return loss;
    }

    internal static void CheckSigma(float sigma)
    {
        if (!(sigma > 0 && float.IsFinite(sigma)))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "The noise level must be positive and finite.");
    }

    internal static int Rows(IScoreModel model, ReadOnlyMemory<float> data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelLayout layout = model.Layout;
        if (layout.States.Count != 1 || layout.ContinuousStates.Count != 1)
            throw new ArgumentException(
                $"Score matching here takes a model with one continuous state group; '{layout.Description.Name}' has {layout.States.Count} groups ({string.Join(", ", layout.States.Select(s => s.Name))}).",
                nameof(model));
        int size = layout.States[0].Size;
        if (size == 0 || data.Length % size != 0)
            throw new ArgumentException($"The data hold {data.Length} values, not whole rows of {size}.", nameof(data));
        return data.Length / size;
    }

    private static float[] Weights(int rows, float weight) => Enumerable.Repeat(weight, rows).ToArray();

    private static double SquaredNorm(ReadOnlySpan<float> values)
    {
        double total = 0;
        foreach (float v in values)
            total += (double)v * v;
        return total;
    }
}
