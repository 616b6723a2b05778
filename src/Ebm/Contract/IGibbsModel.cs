namespace Ebm;

/// <summary>
/// The conditionals of a model with binary or Gaussian state groups, for Gibbs samplers and for training on
/// the free energy. Generated models implement it when structure analysis finds any (specs/structure.md).
/// States come as in <see cref="IEnergyModel"/>: one entry per state group in declaration order, a batch of
/// rows each; the batch size is the number of rows of the output.
/// </summary>
public interface IGibbsModel : IEnergyModel
{
    /// <summary>The Gibbs blocks, summable and Gaussian groups; the same as <c>Layout.Description.Structure</c>.</summary>
    ModelStructure Structure { get; }

    /// <summary>
    /// Writes logit(p(uᵢ = 1 | rest)) = E(uᵢ = 0) − E(uᵢ = 1) for every unit of a binary group of
    /// <see cref="ModelStructure.BinaryGroups"/>, each row at that row's state. For a group of a parallel block
    /// the logits do not depend on the group's own values; for a sequential one, unit i's logit holds at the
    /// current values of the other units, so a sampler redraws unit by unit and refreshes the logits.
    /// </summary>
    /// <exception cref="ArgumentException">The group has no logits, or a list or span has the wrong length.</exception>
    void ConditionalLogits(string group, IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> logits);

    /// <summary>
    /// Writes F = −log Σᵤ e^(−E) of each row, with the group u of <see cref="ModelStructure.SummableGroups"/>
    /// summed out; u's entry in <paramref name="states"/> is not read (an empty memory will do).
    /// </summary>
    /// <exception cref="ArgumentException">The group is not summable, or a list or span has the wrong length.</exception>
    void FreeEnergy(string summedGroup, IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> freeEnergies);

    /// <summary>
    /// Writes the mean and the variance of each unit of the group x of <see cref="ModelStructure.GaussianGroups"/>
    /// given the other groups, whose conditional is a product of independent normals; x's entry is not read.
    /// </summary>
    /// <exception cref="ArgumentException">The group is not Gaussian, or a list or span has the wrong length.</exception>
    void GaussianConditional(string group, IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> mean, Span<float> variance);
}
