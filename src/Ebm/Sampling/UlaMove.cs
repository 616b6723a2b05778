using System.Runtime.CompilerServices;
using System.Numerics;

namespace Ebm.Sampling;

/// <summary>
/// The unadjusted move y = clamp(x − α∇E + √(2α)·z) over a whole chunk of one continuous group at once, for
/// the common case of no drift clipping: the same float operations in the same order as the per-chain loop of
/// <see cref="LangevinEngine"/>, so the two give the same bits, but across elements in SIMD vectors.
/// </summary>
internal static class UlaMove
{
    /// <summary>Writes y and returns the index of the first element that is NaN, or infinite after the clamp; −1 if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> gradient, ReadOnlySpan<float> z, float alpha, float noise,
        float lower, float upper, Span<float> y)
    {
        int n = x.Length, i = 0, bad = -1;
        float step = 1f * alpha;
        if (Vector.IsHardwareAccelerated)
        {
            var a = new Vector<float>(step);
            var s = new Vector<float>(noise);
            var lo = new Vector<float>(lower);
            var hi = new Vector<float>(upper);
            var infinity = new Vector<float>(float.PositiveInfinity);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> v = new Vector<float>(x.Slice(i)) - a * new Vector<float>(gradient.Slice(i)) + s * new Vector<float>(z.Slice(i));
                // Math.Clamp keeps a NaN; the native min and max do not, so NaN lanes keep v.
                v = Vector.ConditionalSelect(Vector.Equals(v, v), Vector.MinNative(Vector.MaxNative(v, lo), hi), v);
                v.CopyTo(y.Slice(i));
                if (bad < 0 && !Vector.LessThanAll(Vector.Abs(v), infinity))
                    bad = i + FirstNonFinite(y.Slice(i, Vector<float>.Count));
            }
        }
        for (; i < n; i++)
        {
            float v = Math.Clamp(x[i] - step * gradient[i] + noise * z[i], lower, upper);
            y[i] = v;
            if (bad < 0 && !float.IsFinite(v))
                bad = i;
        }
        return bad;
    }

    private static int FirstNonFinite(ReadOnlySpan<float> values)
    {
        for (int k = 0; k < values.Length; k++)
            if (!float.IsFinite(values[k]))
                return k;
        return -1;
    }
}
