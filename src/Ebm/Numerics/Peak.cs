using System.Numerics;
using System.Numerics.Tensors;

namespace Ebm.Numerics;

/// <summary>What the largest entry of a vector says about how a softmax must treat it.</summary>
internal enum PeakKind
{
    /// <summary>No entries.</summary>
    Empty,
    /// <summary>Some entry is NaN: every result is NaN.</summary>
    NaN,
    /// <summary>Largest entry finite: shift by it and exponentiate.</summary>
    Finite,
    /// <summary>Some entries are +∞: they share all the mass.</summary>
    PositiveInfinity,
    /// <summary>Every entry is −∞: no mass anywhere; by convention the uniform limit.</summary>
    AllNegativeInfinity,
}

internal readonly record struct Peak<T>(PeakKind Kind, T Max, int InfiniteCount)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static Peak<T> Of(ReadOnlySpan<T> x)
    {
        if (x.IsEmpty)
            return new(PeakKind.Empty, T.NegativeInfinity, 0);
        // TensorPrimitives.Max returns NaN when any entry is NaN.
        T max = TensorPrimitives.Max(x);
        if (T.IsNaN(max))
            return new(PeakKind.NaN, max, 0);
        if (T.IsPositiveInfinity(max))
            return new(PeakKind.PositiveInfinity, max, CountPositiveInfinities(x));
        if (T.IsNegativeInfinity(max))
            return new(PeakKind.AllNegativeInfinity, max, x.Length);
        return new(PeakKind.Finite, max, 0);
    }

    private static int CountPositiveInfinities(ReadOnlySpan<T> x)
    {
        int count = 0;
        foreach (T v in x)
            if (T.IsPositiveInfinity(v))
                count++;
        return count;
    }
}
