using Ebm.Generators.Model;

namespace Ebm.Generators.Analysis;

/// <summary>The Ops operations the generator knows, by the name of their Ops method.</summary>
internal static class OpTable
{
    private static readonly Dictionary<string, OpKind> ByName =
        Enum.GetValues(typeof(OpKind)).Cast<OpKind>().ToDictionary(op => op.ToString(), StringComparer.Ordinal);

    public static bool TryGet(string name, out OpKind op) => ByName.TryGetValue(name, out op);
}
