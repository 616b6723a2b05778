namespace Ebm;

/// <summary>The list members of the description records: copied read-only on the way in, compared entry by entry.</summary>
internal static class Sequences
{
    /// <summary>A read-only copy, so that neither the caller's array nor a cast can change a shared description.</summary>
    public static IReadOnlyList<T> Freeze<T>(IReadOnlyList<T> items, string name)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        return Array.AsReadOnly(items.ToArray());
    }

    public static int Hash<T>(IEnumerable<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
            hash.Add(item);
        return hash.ToHashCode();
    }
}
