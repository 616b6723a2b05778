using System.Collections;

namespace Ebm.Generators.Model;

/// <summary>
/// An immutable array compared element by element, so that models holding one are equal when their
/// contents are and the incremental pipeline can reuse cached output (ImmutableArray compares by reference).
/// </summary>
internal sealed class ImmutableEquatableArray<T> : IEquatable<ImmutableEquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[] values;

    public ImmutableEquatableArray(IEnumerable<T> values) => this.values = values.ToArray();

    public static ImmutableEquatableArray<T> Empty { get; } = new(Array.Empty<T>());

    public int Count => values.Length;

    public T this[int index] => values[index];

    public bool Equals(ImmutableEquatableArray<T>? other)
    {
        if (other is null || other.values.Length != values.Length)
            return false;
        for (int i = 0; i < values.Length; i++)
            if (!EqualityComparer<T>.Default.Equals(values[i], other.values[i]))
                return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ImmutableEquatableArray<T>);

    public override int GetHashCode()
    {
        int hash = 17;
        foreach (var value in values)
            hash = unchecked(hash * 31 + (value is null ? 0 : value.GetHashCode()));
        return hash;
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => values.GetEnumerator();
}

internal static class ImmutableEquatableArray
{
    public static ImmutableEquatableArray<T> ToImmutableEquatableArray<T>(this IEnumerable<T> values)
        where T : IEquatable<T> => new(values);
}
