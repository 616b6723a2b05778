namespace Ebm.Training;

/// <summary>How the trainer estimates the model term E_model[∇θE] of the log-likelihood gradient.</summary>
public enum NegativePhase
{
    /// <summary>Contrastive divergence CD-k: fresh chains started at the minibatch, k Gibbs sweeps.</summary>
    ContrastiveDivergence,

    /// <summary>Persistent contrastive divergence (Tieleman 2008): chains kept across updates, k sweeps per update.</summary>
    Persistent,

    /// <summary>Persistent chains run by parallel tempering over <see cref="TrainingOptions.TemperingBetas"/>; the β = 1 replicas give the statistics.</summary>
    ParallelTempering,

    /// <summary>The exact expectation by enumerating every state (tiny models only: tests and references).</summary>
    Exact,
}
