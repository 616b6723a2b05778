namespace Ebm;

/// <summary>
/// An energy model E(states; θ) bound to its parameter values: what every generic sampler and trainer works
/// with. The source generator implements it for each <c>[EnergyModel]</c> declaration (<c>M.Create(parameters)</c>).
/// </summary>
/// <remarks>
/// <para>
/// States travel one list entry per state group, in the order of <see cref="ModelLayout.States"/>; each entry
/// is a row-major batch: row r of group g is entries [r·size, (r + 1)·size). The batch size is the length of
/// the per-row output (<c>energies</c>, <c>weights</c>), and every group must hold exactly that many rows.
/// State gradients are written one entry per continuous group, in the order of
/// <see cref="ModelLayout.ContinuousStates"/>, laid out like the states; the score is their negative.
/// </para>
/// <para>
/// A model object is immutable, so it can be shared between threads. Calls allocate nothing once warm: their
/// scratch memory is stack memory when small and <see cref="System.Buffers.ArrayPool{T}.Shared"/> otherwise.
/// Inputs and outputs must not overlap.
/// </para>
/// </remarks>
public interface IEnergyModel
{
    /// <summary>The model's description with concrete sizes, and the layout of its flat parameter vector.</summary>
    ModelLayout Layout { get; }

    /// <summary>Writes the trainable parameters as one flat vector laid out as <see cref="ModelLayout.Parameters"/>.</summary>
    /// <param name="destination">Receives <see cref="ModelLayout.ParameterCount"/> values.</param>
    /// <exception cref="ArgumentException">The destination's length is not the parameter count.</exception>
    void CopyParameters(Span<float> destination);

    /// <summary>The same model with its trainable parameters read from a flat vector; const parameters are kept.</summary>
    /// <param name="values">The trainable parameters laid out as <see cref="ModelLayout.Parameters"/>.</param>
    /// <returns>A new model; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The length of <paramref name="values"/> is not the parameter count.</exception>
    IEnergyModel WithParameters(ReadOnlySpan<float> values);

    /// <summary>The energy of one state.</summary>
    /// <param name="state">One row per state group.</param>
    /// <returns>E(state).</returns>
    /// <exception cref="ArgumentException">The list does not hold one row of the right length per group.</exception>
    float Energy(IReadOnlyList<ReadOnlyMemory<float>> state);

    /// <summary>The energy of each state of a batch.</summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="energies">Receives E of each row; its length is the batch size.</param>
    /// <exception cref="ArgumentException">A group does not hold exactly <c>energies.Length</c> rows.</exception>
    void Energy(IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> energies);

    /// <summary>The gradient of the energy with respect to each continuous group at one state, and the energy.</summary>
    /// <param name="state">One row per state group.</param>
    /// <param name="gradients">One row per continuous group: receives ∂E/∂x (the negative of the score).</param>
    /// <returns>E(state).</returns>
    /// <exception cref="ArgumentException">A row has the wrong length, or the lists have the wrong number of entries.</exception>
    float StateGradient(IReadOnlyList<ReadOnlyMemory<float>> state, IReadOnlyList<Memory<float>> gradients);

    /// <summary>The gradient of the energy with respect to each continuous group for each state of a batch, and the energies.</summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="gradients">One batch per continuous group: row r receives ∂E/∂x at row r of the states.</param>
    /// <param name="energies">Receives E of each row; its length is the batch size.</param>
    /// <exception cref="ArgumentException">A batch does not hold exactly <c>energies.Length</c> rows.</exception>
    void StateGradient(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<Memory<float>> gradients, Span<float> energies);

    /// <summary>
    /// Adds Σᵣ weightᵣ · ∇θE(stateᵣ) to <paramref name="gradient"/>, for the trainable parameters θ laid out as
    /// <see cref="ModelLayout.Parameters"/>. The contrastive-divergence gradient E_data[∇θE] − E_model[∇θE] is
    /// two calls: the data with weights +1/N, then the samples with weights −1/M.
    /// </summary>
    /// <param name="states">One batch per state group.</param>
    /// <param name="weights">The weight of each row; its length is the batch size.</param>
    /// <param name="gradient">The flat gradient to add to, of length <see cref="ModelLayout.ParameterCount"/>.</param>
    /// <exception cref="ArgumentException">A batch does not hold exactly <c>weights.Length</c> rows, or the gradient has the wrong length.</exception>
    void AccumulateParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, ReadOnlySpan<float> weights, Span<float> gradient);
}
