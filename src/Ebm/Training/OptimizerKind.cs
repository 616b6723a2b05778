namespace Ebm.Training;

/// <summary>The update rule applied to the log-likelihood gradient.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with (heavy-ball) momentum μ: b ← μb + g, θ ← θ − η·b; μ = 0 is plain SGD.</summary>
    Sgd,

    /// <summary>Adam (Kingma &amp; Ba 2015) with bias-corrected moments.</summary>
    Adam,
}
