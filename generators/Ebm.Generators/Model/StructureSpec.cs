namespace Ebm.Generators.Model;

/// <summary>One block of a Gibbs sweep: groups whose units can all be drawn at once given the rest, or one group drawn unit by unit.</summary>
internal sealed record GibbsBlockSpec(ImmutableEquatableArray<string> Groups, bool Sequential);

/// <summary>What structure analysis found (specs/structure.md): the Gibbs blocks, the groups that can be summed out, the Gaussian groups.</summary>
/// <param name="Blocks">The Gibbs blocks in sweep order; every binary group with a conditional and every Gaussian group is in one.</param>
/// <param name="Binary">The binary groups with a usable conditional (their logits are emitted).</param>
/// <param name="Summable">The binary groups that enter the energy affinely with no intra-group term.</param>
/// <param name="Gaussian">The continuous groups whose energy is quadratic with a diagonal Hessian.</param>
/// <param name="Unusable">The binary groups with no usable conditional, with the reason.</param>
internal sealed record StructureSpec(
    ImmutableEquatableArray<GibbsBlockSpec> Blocks,
    ImmutableEquatableArray<string> Binary,
    ImmutableEquatableArray<string> Summable,
    ImmutableEquatableArray<string> Gaussian,
    ImmutableEquatableArray<(string Group, string Reason)> Unusable)
{
    public bool IsEmpty => Blocks.Count == 0;
}
