namespace Ebm;

/// <summary>
/// An energy model over continuous state groups with the second-order derivatives that score-based learning
/// differentiates through (denoising and sliced score matching, gradient penalties): the generator implements
/// it for every declaration with a continuous group, alongside <see cref="IEnergyModel"/>.
/// </summary>
/// <remarks>
/// Lists follow <see cref="IEnergyModel"/>: states one entry per state group, directions one entry per
/// continuous group in the order of <see cref="ModelLayout.ContinuousStates"/>, each laid out like the group.
/// </remarks>
public interface IScoreModel : IEnergyModel
{
    /// <summary>
    /// Adds Σᵣ weightᵣ · ∇θ(Σₓ uₓ,ᵣ·∇ₓE(stateᵣ)) to <paramref name="gradient"/>, for the trainable parameters θ
    /// laid out as <see cref="ModelLayout.Parameters"/>. A zero direction leaves its group out; the directions
    /// uᵣ = ∇ₓE(stateᵣ) (held fixed) give the gradient of ½‖∇ₓE‖², and uᵣ = ∇ₓE(x̃ᵣ) + (x̃ᵣ − xᵣ)/σ² that of
    /// the denoising score-matching loss ½‖∇ₓE(x̃) − (x̃ − x)/σ²‖² (the score being −∇ₓE).
    /// </summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="directions">One batch per continuous group: row r is the direction u at row r of the states.</param>
    /// <param name="weights">The weight of each row; its length is the batch size.</param>
    /// <param name="gradient">The flat gradient to add to, of length <see cref="ModelLayout.ParameterCount"/>.</param>
    /// <exception cref="ArgumentException">A batch does not hold exactly <c>weights.Length</c> rows, a list has the wrong number of entries, or the gradient has the wrong length.</exception>
    void AccumulateDirectionalParameterGradient(
        IReadOnlyList<ReadOnlyMemory<float>> states,
        IReadOnlyList<ReadOnlyMemory<float>> directions,
        ReadOnlySpan<float> weights,
        Span<float> gradient);
}
