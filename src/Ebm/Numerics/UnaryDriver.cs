using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

/// <summary>
/// Runs an <see cref="IUnaryOperator{T}"/> over a span at the widest permitted width.
/// Remainders never fall back to a scalar tail: a map recomputes an overlapping last vector,
/// a sum masks the lanes of its last vector that were already counted.
/// </summary>
internal static class UnaryDriver
{
    /// <summary>y[i] = op(x[i]). x and y may be the same span (exact overlap), not partially overlapping.</summary>
    public static void Map<T, TOp>(ReadOnlySpan<T> x, Span<T> y, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOperator<T>
    {
        int n = x.Length;
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T ys = ref MemoryMarshal.GetReference(y);
        VectorWidth width = Simd.Width;

        if (width >= VectorWidth.Bits512 && n >= Vector512<T>.Count)
        {
            int count = Vector512<T>.Count;
            // Load the last vector before any store: with in-place use, the loop overwrites it.
            Vector512<T> last = Vector512.LoadUnsafe(ref xs, (nuint)(n - count));
            for (int i = 0; i <= n - count; i += count)
                op.Invoke(Vector512.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
            op.Invoke(last).StoreUnsafe(ref ys, (nuint)(n - count));
            return;
        }
        if (width >= VectorWidth.Bits256 && n >= Vector256<T>.Count)
        {
            int count = Vector256<T>.Count;
            Vector256<T> last = Vector256.LoadUnsafe(ref xs, (nuint)(n - count));
            for (int i = 0; i <= n - count; i += count)
                op.Invoke(Vector256.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
            op.Invoke(last).StoreUnsafe(ref ys, (nuint)(n - count));
            return;
        }
        if (width >= VectorWidth.Bits128 && n >= Vector128<T>.Count)
        {
            int count = Vector128<T>.Count;
            Vector128<T> last = Vector128.LoadUnsafe(ref xs, (nuint)(n - count));
            for (int i = 0; i <= n - count; i += count)
                op.Invoke(Vector128.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
            op.Invoke(last).StoreUnsafe(ref ys, (nuint)(n - count));
            return;
        }
        for (int i = 0; i < n; i++)
            Unsafe.Add(ref ys, i) = op.Invoke(Unsafe.Add(ref xs, i));
    }

    /// <summary>Σᵢ op(x[i]), accumulated per lane and then across lanes.</summary>
    public static T MapSum<T, TOp>(ReadOnlySpan<T> x, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOperator<T>
    {
        int n = x.Length;
        ref T xs = ref MemoryMarshal.GetReference(x);
        VectorWidth width = Simd.Width;

        if (width >= VectorWidth.Bits512 && n >= Vector512<T>.Count)
        {
            int count = Vector512<T>.Count;
            Vector512<T> acc = Vector512<T>.Zero;
            int i = 0;
            for (; i <= n - count; i += count)
                acc += op.Invoke(Vector512.LoadUnsafe(ref xs, (nuint)i));
            if (i < n)
            {
                // Lanes below `seen` of the overlapping last vector were summed by the loop already.
                Vector512<T> tail = op.Invoke(Vector512.LoadUnsafe(ref xs, (nuint)(n - count)));
                Vector512<T> fresh = Vector512.GreaterThanOrEqual(LaneIndex512<T>(), Vector512.Create(T.CreateTruncating(count - (n - i))));
                acc += Vector512.ConditionalSelect(fresh, tail, Vector512<T>.Zero);
            }
            return Vector512.Sum(acc);
        }
        if (width >= VectorWidth.Bits256 && n >= Vector256<T>.Count)
        {
            int count = Vector256<T>.Count;
            Vector256<T> acc = Vector256<T>.Zero;
            int i = 0;
            for (; i <= n - count; i += count)
                acc += op.Invoke(Vector256.LoadUnsafe(ref xs, (nuint)i));
            if (i < n)
            {
                Vector256<T> tail = op.Invoke(Vector256.LoadUnsafe(ref xs, (nuint)(n - count)));
                Vector256<T> fresh = Vector256.GreaterThanOrEqual(LaneIndex256<T>(), Vector256.Create(T.CreateTruncating(count - (n - i))));
                acc += Vector256.ConditionalSelect(fresh, tail, Vector256<T>.Zero);
            }
            return Vector256.Sum(acc);
        }
        if (width >= VectorWidth.Bits128 && n >= Vector128<T>.Count)
        {
            int count = Vector128<T>.Count;
            Vector128<T> acc = Vector128<T>.Zero;
            int i = 0;
            for (; i <= n - count; i += count)
                acc += op.Invoke(Vector128.LoadUnsafe(ref xs, (nuint)i));
            if (i < n)
            {
                Vector128<T> tail = op.Invoke(Vector128.LoadUnsafe(ref xs, (nuint)(n - count)));
                Vector128<T> fresh = Vector128.GreaterThanOrEqual(LaneIndex128<T>(), Vector128.Create(T.CreateTruncating(count - (n - i))));
                acc += Vector128.ConditionalSelect(fresh, tail, Vector128<T>.Zero);
            }
            return Vector128.Sum(acc);
        }
        T sum = T.Zero;
        for (int i = 0; i < n; i++)
            sum += op.Invoke(Unsafe.Add(ref xs, i));
        return sum;
    }

    // Lane indices 0, 1, 2, … as T; small integers are exact in float and double.
    private static Vector512<T> LaneIndex512<T>() where T : unmanaged, IFloatingPointIeee754<T> => Vector512<T>.Indices;
    private static Vector256<T> LaneIndex256<T>() where T : unmanaged, IFloatingPointIeee754<T> => Vector256<T>.Indices;
    private static Vector128<T> LaneIndex128<T>() where T : unmanaged, IFloatingPointIeee754<T> => Vector128<T>.Indices;
}
