namespace Ebm.Generators.Model;

/// <summary>A type that contains the model class, re-declared as partial around the generated members.</summary>
/// <param name="Name">The type's name.</param>
/// <param name="Keyword">The declaration keyword(s): class, struct, interface, record or record struct.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
