namespace Ebm.Sampling;

/// <summary>One group's place in a block of a sweep: where its units start among the block's random units.</summary>
/// <param name="Index">The group's position in <see cref="ModelLayout.States"/>.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Size">Its number of units.</param>
/// <param name="IsGaussian">True for a Gaussian group (drawn from normals), false for a binary one (from logits).</param>
/// <param name="FirstUnit">The RandomStream unit of its unit 0 within the block's step.</param>
internal sealed record GibbsGroupSlot(int Index, string Name, int Size, bool IsGaussian, uint FirstUnit);

/// <summary>One block of a sweep with its groups' slots.</summary>
internal sealed record GibbsBlockSlots(IReadOnlyList<GibbsGroupSlot> Groups, bool IsSequential);

/// <summary>
/// The blocks of a model's structure resolved to state indices and random units (specs/samplers.md,
/// "Gibbs and parallel tempering"). A block's groups get consecutive unit ranges, each starting at an even
/// unit because a float normal of unit i reads the words of units i &amp; ~1 and i | 1: an odd start would
/// let a Gaussian group share a word with the group before it.
/// </summary>
internal static class GibbsSchedule
{
    public static IReadOnlyList<GibbsBlockSlots> Of(IGibbsModel model)
    {
        ModelStructure structure = model.Structure;
        if (structure.GibbsBlocks.Count == 0)
            throw new ArgumentException(
                $"Model '{model.Layout.Description.Name}' has no Gibbs blocks: it has no binary group with logits and no Gaussian group (specs/structure.md); sample it with Langevin.",
                nameof(model));
        var blocks = new List<GibbsBlockSlots>();
        foreach (GibbsBlock block in structure.GibbsBlocks)
        {
            var slots = new List<GibbsGroupSlot>();
            ulong unit = 0;
            foreach (string name in block.Groups)
            {
                int index = model.Layout.StateIndex(name);
                int size = model.Layout.States[index].Size;
                bool gaussian = structure.GaussianGroups.Contains(name);
                slots.Add(new GibbsGroupSlot(index, name, size, gaussian, checked((uint)unit)));
                unit += (ulong)size + (ulong)(size & 1);
            }
            blocks.Add(new GibbsBlockSlots(slots, block.IsSequential));
        }
        return blocks;
    }
}
