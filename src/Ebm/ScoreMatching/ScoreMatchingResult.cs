namespace Ebm.ScoreMatching;

/// <summary>A score-matching loss over a batch and its gradient in the trainable parameters.</summary>
/// <param name="Loss">The mean loss over the rows.</param>
/// <param name="Gradient">∂Loss/∂θ, laid out as <see cref="ModelLayout.Parameters"/>.</param>
public sealed record ScoreMatchingResult(double Loss, IReadOnlyList<float> Gradient);
