namespace Ebm.Generators.Model;

/// <summary>
/// Everything the emitters need about one energy model, free of Roslyn objects so that an unrelated
/// edit produces an equal model and the incremental pipeline keeps the generated source cached.
/// </summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">The types around the model class, outermost first.</param>
/// <param name="ClassName">The model class's name.</param>
/// <param name="Sizes">The free sizes, named after their first carrier; shapes index into this list.</param>
/// <param name="Inputs">The parameters of Energy in declaration order.</param>
/// <param name="Locals">The <c>var</c> locals of Energy in order.</param>
/// <param name="Energy">The returned expression.</param>
internal sealed record ModelSpec(
    string? Namespace,
    ImmutableEquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    ImmutableEquatableArray<string> Sizes,
    ImmutableEquatableArray<InputSpec> Inputs,
    ImmutableEquatableArray<LocalSpec> Locals,
    Expr Energy)
{
    /// <summary>Unique per model across the compilation: the namespace and containing types qualify it.</summary>
    public string HintName =>
        string.Join(".", new[] { Namespace }.Concat(ContainingTypes.Select(t => t.Name)).Append(ClassName).Where(s => s is not null)) + ".g.cs";
}
