namespace Ebm;

/// <summary>A state group with its concrete size: one row of a batch of this group holds <see cref="Size"/> floats.</summary>
/// <param name="Name">The group's name in <c>Energy</c>.</param>
/// <param name="Kind">Continuous or binary units.</param>
/// <param name="Size">The number of units.</param>
public sealed record StateLayout(string Name, StateKind Kind, int Size);
