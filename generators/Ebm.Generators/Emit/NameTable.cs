using Microsoft.CodeAnalysis.CSharp;

namespace Ebm.Generators.Emit;

/// <summary>
/// The identifiers taken in one scope of generated code. Generated names (temporaries, loop indices, outputs)
/// are taken after every name from the declaration, so a user's parameter called <c>i</c> or <c>count</c>
/// pushes the generated one to <c>i2</c> or <c>count2</c> rather than colliding with it.
/// </summary>
internal sealed class NameTable
{
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);

    public NameTable(IEnumerable<string> reserved)
    {
        foreach (var name in reserved)
            taken.Add(name);
    }

    /// <summary>The first free name among <paramref name="prefix"/>1, <paramref name="prefix"/>2, …: for temporaries.</summary>
    public string Numbered(string prefix)
    {
        for (int k = 1; ; k++)
            if (taken.Add(prefix + k))
                return prefix + k;
    }

    /// <summary>A new name: <paramref name="preferred"/> if free, otherwise it with the first free number appended.</summary>
    public string Fresh(string preferred)
    {
        string name = preferred;
        for (int k = 2; !taken.Add(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None; k++)
            name = preferred + k;
        return name;
    }
}
