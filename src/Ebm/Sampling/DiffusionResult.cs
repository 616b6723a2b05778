namespace Ebm.Sampling;

/// <summary>What <see cref="DiffusionSampler"/> returns.</summary>
/// <param name="States">The samples x₀: [chains × dimension], row-major.</param>
/// <param name="NoiseLevels">The σ the score was asked at, in the order of the steps (t = T first): √((1 − ᾱ_t)/ᾱ_t) for a
/// variance-exploding score, √(1 − ᾱ_t) for a variance-preserving one.</param>
/// <param name="ScoreEvaluations">Scores evaluated, one per chain per step.</param>
public sealed record DiffusionResult(float[] States, IReadOnlyList<float> NoiseLevels, long ScoreEvaluations);
