using System.Numerics.Tensors;

namespace Ebm.Training;

/// <summary>
/// The optimiser's buffers and its step rule: SGD with heavy-ball momentum or Adam, L2 weight decay on the matrix
/// parameters. Updates the parameters in place; the buffers are part of a checkpoint.
/// </summary>
internal sealed class OptimizerState
{
    private readonly OptimizerSettings options;
    private readonly bool[] decayed;

    public OptimizerState(ModelLayout layout, TrainingOptions options)
        : this(layout, OptimizerSettings.From(options))
    {
    }

    public OptimizerState(ModelLayout layout, OptimizerSettings options)
    {
        this.options = options;
        decayed = new bool[layout.ParameterCount];
        foreach (ParameterLayout p in layout.Parameters)
            if (p.Rank == ParameterRank.Matrix)
                decayed.AsSpan(p.Offset, p.Length).Fill(true);
        First = new float[layout.ParameterCount];
        Second = options.Optimizer == OptimizerKind.Adam ? new float[layout.ParameterCount] : [];
    }

    /// <summary>SGD: the momentum buffer; Adam: the first moment.</summary>
    public float[] First { get; private set; }

    /// <summary>Adam's second moment; empty for SGD.</summary>
    public float[] Second { get; private set; }

    /// <summary>Steps taken.</summary>
    public long Steps { get; private set; }

    public void Restore(float[] first, float[] second, long steps)
    {
        First = first;
        Second = second;
        Steps = steps;
    }

    /// <summary>
    /// One step from <paramref name="theta"/> (read only) into <paramref name="next"/>: θ' = θ − η·direction(g + λθ),
    /// with g the loss gradient <paramref name="gradient"/> (it gains the decay). Writing elsewhere leaves θ intact
    /// when the step turns out non-finite, without copying it every update.
    /// </summary>
    public void Step(ReadOnlySpan<float> theta, Span<float> gradient, float learningRate, Span<float> next)
    {
        float decay = options.WeightDecay;
        if (decay != 0)
            for (int i = 0; i < theta.Length; i++)
                if (decayed[i])
                    gradient[i] += decay * theta[i];
        Steps++;
        if (options.Optimizer == OptimizerKind.Sgd)
        {
            float mu = options.Momentum;
            if (mu != 0)
            {
                // b ← μb + g, then the step along b.
                TensorPrimitives.MultiplyAdd(First, mu, gradient, First);
                gradient = First;
            }
            TensorPrimitives.MultiplyAdd(gradient, -learningRate, theta, next);
            return;
        }
        float beta1 = options.AdamBeta1, beta2 = options.AdamBeta2, eps = options.AdamEpsilon;
        // The bias corrections in double: 1 − β^t loses every digit in float once β^t is near 1.
        float correction1 = (float)(1 - Math.Pow(beta1, Steps));
        float correction2 = (float)(1 - Math.Pow(beta2, Steps));
        Span<float> m = First, v = Second;
        for (int i = 0; i < theta.Length; i++)
        {
            float g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            next[i] = theta[i] - learningRate * (m[i] / correction1) / (MathF.Sqrt(v[i] / correction2) + eps);
        }
    }
}
