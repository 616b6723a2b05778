namespace Ebm.Dsl;

/// <summary>Hashing for the list members of the description records, which compare entry by entry.</summary>
internal static class Sequences
{
    public static int Hash<T>(IEnumerable<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
            hash.Add(item);
        return hash.ToHashCode();
    }
}
