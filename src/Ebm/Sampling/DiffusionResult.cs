namespace Ebm.Sampling;

/// <summary>What <see cref="DiffusionSampler"/> returns.</summary>
/// <param name="States">The samples x₀: [chains × dimension], row-major.</param>
/// <param name="NoiseLevels">σ_t = √(1 − ᾱ_t) at which the score was asked, in the order of the steps (t = T first).</param>
/// <param name="ScoreEvaluations">Scores evaluated, one per chain per step.</param>
public sealed record DiffusionResult(float[] States, IReadOnlyList<float> NoiseLevels, long ScoreEvaluations);
