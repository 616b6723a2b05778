namespace Ebm;

/// <summary>
/// What the generator derived from the shape of a model's energy (specs/structure.md), and which
/// <see cref="IGibbsModel"/> members therefore work for which groups.
/// </summary>
/// <param name="GibbsBlocks">The blocks of a Gibbs sweep, in order; every binary group with a conditional and every Gaussian group is in exactly one. Empty when the model has neither.</param>
/// <param name="BinaryGroups">The binary groups with conditional logits.</param>
/// <param name="SummableGroups">The binary groups that enter the energy affinely with no interaction among their own units: the free energy can sum them out.</param>
/// <param name="GaussianGroups">The continuous groups whose energy is quadratic with a diagonal Hessian: their conditional given the rest is a product of normals.</param>
public sealed record ModelStructure(
    IReadOnlyList<GibbsBlock> GibbsBlocks,
    IReadOnlyList<string> BinaryGroups,
    IReadOnlyList<string> SummableGroups,
    IReadOnlyList<string> GaussianGroups)
{
    /// <summary>No structure: a model with no binary and no Gaussian group.</summary>
    public static ModelStructure None { get; } = new([], [], [], []);

    /// <summary>The Gibbs blocks (a read-only copy of what was given).</summary>
    public IReadOnlyList<GibbsBlock> GibbsBlocks { get; init => field = Sequences.Freeze(value, nameof(GibbsBlocks)); } = Sequences.Freeze(GibbsBlocks, nameof(GibbsBlocks));

    /// <summary>The binary groups with logits (a read-only copy).</summary>
    public IReadOnlyList<string> BinaryGroups { get; init => field = Sequences.Freeze(value, nameof(BinaryGroups)); } = Sequences.Freeze(BinaryGroups, nameof(BinaryGroups));

    /// <summary>The summable groups (a read-only copy).</summary>
    public IReadOnlyList<string> SummableGroups { get; init => field = Sequences.Freeze(value, nameof(SummableGroups)); } = Sequences.Freeze(SummableGroups, nameof(SummableGroups));

    /// <summary>The Gaussian groups (a read-only copy).</summary>
    public IReadOnlyList<string> GaussianGroups { get; init => field = Sequences.Freeze(value, nameof(GaussianGroups)); } = Sequences.Freeze(GaussianGroups, nameof(GaussianGroups));

    /// <summary>Equal when every list is, entry by entry.</summary>
    public bool Equals(ModelStructure? other) =>
        other is not null && GibbsBlocks.SequenceEqual(other.GibbsBlocks) && BinaryGroups.SequenceEqual(other.BinaryGroups)
        && SummableGroups.SequenceEqual(other.SummableGroups) && GaussianGroups.SequenceEqual(other.GaussianGroups);

    /// <summary>Consistent with <see cref="Equals(ModelStructure)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Sequences.Hash(GibbsBlocks), Sequences.Hash(BinaryGroups), Sequences.Hash(SummableGroups), Sequences.Hash(GaussianGroups));
}
