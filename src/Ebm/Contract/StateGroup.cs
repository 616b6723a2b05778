namespace Ebm;

/// <summary>A state group of an energy model: one <c>Vec</c> parameter of <c>Energy</c> marked as a state.</summary>
/// <param name="Name">The parameter's name in <c>Energy</c>.</param>
/// <param name="Kind">Continuous or binary units.</param>
/// <param name="Size">The symbolic size of the group, one of <see cref="ModelDescription.Sizes"/>.</param>
public sealed record StateGroup(string Name, StateKind Kind, string Size);
