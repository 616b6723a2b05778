using Ebm.Sampling;

namespace Ebm.Training;

/// <summary>
/// What the trainer needs to know about a model, read from its layout and structure (never its name): the data
/// group, the hidden groups and their blocks, whether the hidden conditional means are exact, and which groups of
/// the last block of a sweep can be replaced by their conditional means in the model statistics.
/// </summary>
internal sealed class ModelRoles
{
    public ModelRoles(IGibbsModel model, string? dataGroup)
    {
        ModelLayout layout = model.Layout;
        ModelStructure structure = model.Structure;
        string name = layout.Description.Name;
        Data = dataGroup is null ? 0 : layout.StateIndex(dataGroup);
        Blocks = GibbsSchedule.Of(model);
        Hidden = Enumerable.Range(0, layout.States.Count).Where(g => g != Data).ToArray();
        if (Hidden.Length == 0)
            throw new ArgumentException($"Model '{name}' has only the data group '{layout.States[Data].Name}'; the trainer needs hidden groups.", nameof(model));
        foreach (int g in Hidden)
            if (!structure.BinaryGroups.Contains(layout.States[g].Name))
                throw new ArgumentException(
                    $"The hidden group '{layout.States[g].Name}' of '{name}' is not a binary group with logits; the trainer handles binary hidden groups (the data group may be Gaussian).",
                    nameof(model));
        string data = layout.States[Data].Name;
        DataIsBinary = structure.BinaryGroups.Contains(data);
        if (!DataIsBinary && !structure.GaussianGroups.Contains(data))
            throw new ArgumentException($"The data group '{data}' of '{name}' is neither binary with logits nor Gaussian, so it cannot be sampled by Gibbs.", nameof(model));

        HiddenBlocks = Blocks
            .Select(b => new GibbsBlockSlots([.. b.Groups.Where(s => s.Index != Data)], b.IsSequential))
            .Where(b => b.Groups.Count > 0)
            .ToArray();
        // With one parallel block of summable groups the hidden units are independent given the data and the energy
        // is affine in each, so σ(logits) are the exact conditional means and ∇θE at the means is E_h|v[∇θE].
        MeansAreExact = HiddenBlocks.Count == 1 && !HiddenBlocks[0].IsSequential
            && HiddenBlocks[0].Groups.All(s => structure.SummableGroups.Contains(s.Name));
        GibbsBlockSlots last = Blocks[^1];
        RaoBlackwell = !last.IsSequential && last.Groups.All(s => structure.SummableGroups.Contains(s.Name) && s.Index != Data)
            ? [.. last.Groups] : [];
        SingleSummableHidden = Hidden.Length == 1 && structure.SummableGroups.Contains(layout.States[Hidden[0]].Name)
            ? layout.States[Hidden[0]].Name : null;
    }

    /// <summary>The data group's index in the layout.</summary>
    public int Data { get; }

    /// <summary>The other groups' indices.</summary>
    public int[] Hidden { get; }

    /// <summary>The model's sweep.</summary>
    public IReadOnlyList<GibbsBlockSlots> Blocks { get; }

    /// <summary>The sweep without the data group: what updates the hidden groups with the data clamped.</summary>
    public IReadOnlyList<GibbsBlockSlots> HiddenBlocks { get; }

    /// <summary>True when one pass of σ(logits) gives the exact hidden conditional means.</summary>
    public bool MeansAreExact { get; }

    /// <summary>Whether the data group is binary (else Gaussian).</summary>
    public bool DataIsBinary { get; }

    /// <summary>The groups of the sweep's last block, when they may be replaced by their conditional means; else empty.</summary>
    public IReadOnlyList<GibbsGroupSlot> RaoBlackwell { get; }

    /// <summary>The hidden group when it is the only one and summable (an RBM's h): free energies and pseudo-likelihood exist.</summary>
    public string? SingleSummableHidden { get; }
}
