namespace Ebm.Sampling;

/// <summary>
/// A Langevin move produced a NaN or infinite state, gradient or energy: the step is too large for the model
/// (lower it, clip the drift, or bound the states). The chains as they were before that move are kept.
/// </summary>
public sealed class LangevinDivergenceException : Exception
{
    /// <summary>Creates the exception for the first diverging chain of a move.</summary>
    /// <param name="step">Moves made when it happened, counting the diverging one (1-based).</param>
    /// <param name="chain">The lowest-numbered chain that diverged.</param>
    /// <param name="lastGoodStates">All chains before the move, one array per continuous group.</param>
    public LangevinDivergenceException(long step, int chain, IReadOnlyList<float[]> lastGoodStates)
        : base($"Langevin chain {chain} diverged at move {step}: a state, gradient or energy is NaN or infinite. " +
               "Lower the step size, set MaxDriftNorm, or bound the states; LastGoodStates holds the chains before that move.")
    {
        Step = step;
        Chain = chain;
        LastGoodStates = lastGoodStates;
    }

    /// <summary>Moves made when it happened, counting the diverging one (1-based).</summary>
    public long Step { get; }

    /// <summary>The lowest-numbered chain that diverged at that move.</summary>
    public int Chain { get; }

    /// <summary>All chains after the last move that was finite everywhere: one row-major array per continuous group.</summary>
    public IReadOnlyList<float[]> LastGoodStates { get; }
}
