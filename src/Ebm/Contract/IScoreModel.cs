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

    /// <summary>
    /// uᵀ∇ₓ²E u for each row, summed over the continuous groups: the second derivative of the energy along u. With
    /// u a unit vector it is one diagonal entry of the Hessian; with random u, the curvature term of sliced score
    /// matching (the score's Jacobian is −∇ₓ²E).
    /// </summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="directions">One batch per continuous group: row r is the direction u at row r of the states.</param>
    /// <param name="values">Receives uᵀ∇ₓ²E u of each row; its length is the batch size.</param>
    /// <exception cref="ArgumentException">A batch does not hold exactly <c>values.Length</c> rows, or a list has the wrong number of entries.</exception>
    void DirectionalSecondDerivative(
        IReadOnlyList<ReadOnlyMemory<float>> states,
        IReadOnlyList<ReadOnlyMemory<float>> directions,
        Span<float> values);

    /// <summary>Adds Σᵣ weightᵣ · ∇θ(uᵣᵀ∇ₓ²E(stateᵣ)uᵣ) to <paramref name="gradient"/>: the parameter gradient of <see cref="DirectionalSecondDerivative"/>.</summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="directions">One batch per continuous group: row r is the direction u at row r of the states.</param>
    /// <param name="weights">The weight of each row; its length is the batch size.</param>
    /// <param name="gradient">The flat gradient to add to, of length <see cref="ModelLayout.ParameterCount"/>.</param>
    /// <exception cref="ArgumentException">A batch does not hold exactly <c>weights.Length</c> rows, a list has the wrong number of entries, or the gradient has the wrong length.</exception>
    void AccumulateDirectionalSecondDerivativeParameterGradient(
        IReadOnlyList<ReadOnlyMemory<float>> states,
        IReadOnlyList<ReadOnlyMemory<float>> directions,
        ReadOnlySpan<float> weights,
        Span<float> gradient);

    /// <summary>
    /// The Laplacian Δₓ E = Σₖ ∂²E/∂xₖ² over every unit of every continuous group, for each row: the term exact
    /// score matching (Hyvärinen 2005) needs, as J = E[½‖∇ₓE‖² − Δₓ E]. It costs one Hessian-vector product per unit.
    /// </summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="laplacians">Receives Δₓ E of each row; its length is the batch size.</param>
    /// <exception cref="ArgumentException">A batch does not hold exactly <c>laplacians.Length</c> rows, or the list has the wrong number of entries.</exception>
    void Laplacian(IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> laplacians);

    /// <summary>Adds Σᵣ weightᵣ · ∇θ Δₓ E(stateᵣ) to <paramref name="gradient"/>: the parameter gradient of <see cref="Laplacian"/>.</summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="weights">The weight of each row; its length is the batch size.</param>
    /// <param name="gradient">The flat gradient to add to, of length <see cref="ModelLayout.ParameterCount"/>.</param>
    /// <exception cref="ArgumentException">A batch does not hold exactly <c>weights.Length</c> rows, the list has the wrong number of entries, or the gradient has the wrong length.</exception>
    void AccumulateLaplacianParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, ReadOnlySpan<float> weights, Span<float> gradient);
}
