using System.ComponentModel;

namespace Ebm;

/// <summary>
/// Checks and small helpers that generated energy models call. Public because generated code lives in the
/// user's assembly; not meant to be called by hand, and kept stable because generated code binds to it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EnergyModelSupport
{
    /// <summary>Throws unless <paramref name="span"/> holds <paramref name="count"/> rows of <paramref name="size"/> floats.</summary>
    /// <param name="span">A batch of one state group (or of its gradient).</param>
    /// <param name="count">The batch size.</param>
    /// <param name="size">The group's size.</param>
    /// <param name="name">The argument's name, for the message.</param>
    /// <exception cref="ArgumentException">The length is not count × size.</exception>
    public static void RequireRows(ReadOnlySpan<float> span, int count, int size, string name)
    {
        if (span.Length != (long)count * size)
            throw new ArgumentException(
                $"{name} has length {span.Length}, but a batch of {count} rows of {size} units needs {(long)count * size}.", name);
    }

    /// <summary>The number of rows of <paramref name="size"/> floats in a batch output whose length is the only measure of the batch.</summary>
    /// <param name="span">A batch of rows of one group.</param>
    /// <param name="size">The group's size; a group of size 0 holds no rows.</param>
    /// <param name="name">The argument's name, for the message.</param>
    /// <returns>The batch size.</returns>
    /// <exception cref="ArgumentException">The length is not a multiple of the size.</exception>
    public static int RowCount(ReadOnlySpan<float> span, int size, string name)
    {
        if (size == 0)
            return 0;
        if (span.Length % size != 0)
            throw new ArgumentException($"{name} has length {span.Length}, which is not a whole number of rows of {size} units.", name);
        return span.Length / size;
    }

    /// <summary>Throws unless <paramref name="span"/> has length <paramref name="length"/>.</summary>
    /// <param name="span">The span to check.</param>
    /// <param name="length">The length the model needs.</param>
    /// <param name="name">The argument's name, for the message.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void RequireLength(ReadOnlySpan<float> span, int length, string name)
    {
        if (span.Length != length)
            throw new ArgumentException($"{name} has length {span.Length}, but the model needs {length}.", name);
    }

    /// <summary>Throws unless <paramref name="list"/> has <paramref name="count"/> entries.</summary>
    /// <typeparam name="T">The entry type.</typeparam>
    /// <param name="list">The list to check.</param>
    /// <param name="count">The number of entries the model needs.</param>
    /// <param name="what">What each entry is, for the message (e.g. "state groups (v, h)").</param>
    /// <param name="name">The argument's name, for the message.</param>
    /// <exception cref="ArgumentNullException">The list is null.</exception>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static void RequireCount<T>(IReadOnlyList<T> list, int count, string what, string name)
    {
        ArgumentNullException.ThrowIfNull(list, name);
        if (list.Count != count)
            throw new ArgumentException($"{name} has {list.Count} entries, but the model needs one per {what}: {count}.", name);
    }

    /// <summary>The first <paramref name="length"/> floats of <paramref name="rest"/>, which then starts after them.</summary>
    /// <param name="rest">The unused part of a scratch buffer.</param>
    /// <param name="length">How many floats to take.</param>
    /// <returns>The taken floats.</returns>
    public static Span<float> Take(ref Span<float> rest, int length)
    {
        Span<float> taken = rest[..length];
        rest = rest[length..];
        return taken;
    }

    /// <summary>The sign of x as −1, 0 or 1 (NaN for NaN): the derivative of |x|, taken as 0 at 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sign(x).</returns>
    public static float Sign(float x) => x > 0f ? 1f : x < 0f ? -1f : x;

    /// <summary>
    /// A new array holding <paramref name="values"/>: allocated without zeroing, since every element is written at
    /// once. A trainer makes one per update (the next parameter vector), and zeroing 1.5 MB first was measured.
    /// </summary>
    /// <param name="values">The values to copy.</param>
    /// <returns>The copy.</returns>
    public static float[] Copy(ReadOnlySpan<float> values)
    {
        float[] copy = GC.AllocateUninitializedArray<float>(values.Length);
        values.CopyTo(copy);
        return copy;
    }
}
