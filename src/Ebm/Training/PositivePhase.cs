namespace Ebm.Training;

/// <summary>How the trainer estimates the data term E_data[∇θE] = E_v~data E_h|v[∇θE(v, h)].</summary>
public enum PositivePhase
{
    /// <summary>
    /// Conditional means when they are exact (one parallel block of summable hidden groups, as an RBM's h), mean
    /// field with <see cref="TrainingOptions.MeanFieldIterations"/> sweeps otherwise (DBM, BM).
    /// </summary>
    Auto,

    /// <summary>Mean field: the hidden groups' means μ updated block by block as σ(logits at the current means).</summary>
    MeanField,

    /// <summary>The exact conditional expectation by enumerating the hidden units of each row (tiny models only).</summary>
    Exact,
}
