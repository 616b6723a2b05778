namespace Ebm;

/// <summary>
/// One step of a Gibbs sweep, as structure analysis found it (specs/structure.md): the state groups drawn
/// together given all the others.
/// </summary>
/// <param name="Groups">The groups of the block, in declaration order. Their units do not interact, so all of them can be drawn at once.</param>
/// <param name="IsSequential">True for a single group whose units interact with each other: draw it unit by unit, each from its logit at the current state.</param>
public sealed record GibbsBlock(IReadOnlyList<string> Groups, bool IsSequential)
{
    /// <summary>The groups (a read-only copy of what was given).</summary>
    public IReadOnlyList<string> Groups { get; init => field = Sequences.Freeze(value, nameof(Groups)); } = Sequences.Freeze(Groups, nameof(Groups));

    /// <summary>Equal when the groups are, in order, and so is <see cref="IsSequential"/>.</summary>
    public bool Equals(GibbsBlock? other) => other is not null && IsSequential == other.IsSequential && Groups.SequenceEqual(other.Groups);

    /// <summary>Consistent with <see cref="Equals(GibbsBlock)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(IsSequential, Sequences.Hash(Groups));
}
