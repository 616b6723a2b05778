using System.ComponentModel;
using System.Numerics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ebm.Numerics;

/// <summary>
/// The vector operations of generated batch code that runs one chain per SIMD lane (<c>specs/dsl.md</c>,
/// "lanes"): a tile of rows is transposed so that element k of every row lies in one contiguous run, and each
/// <see cref="Vector{T}"/> then holds that element for <see cref="Vector{T}.Count"/> consecutive rows.
/// </summary>
/// <remarks>
/// Log is the BCL's float vector function and exp a faster one of our own, both within 2 ulp (generated code
/// is checked against the interpreter at 1e-5 relative). Functions the BCL has no vector form of that is accurate near zero (tanh)
/// go lane by lane through <see cref="MathF"/>. Loads and stores check their bounds with one comparison.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Lanes
{
    /// <summary>The vector at <paramref name="offset"/>.</summary>
    /// <param name="values">The lane buffer.</param>
    /// <param name="offset">The first element.</param>
    /// <returns>Elements offset … offset + Count − 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Load(ReadOnlySpan<float> values, int offset)
    {
        // One unsigned comparison covers a negative offset (a huge uint), one too close to the end, and a short span.
        if ((ulong)(uint)offset + (uint)Vector<float>.Count > (uint)values.Length)
            ThrowOutside(offset, values.Length);
        return Vector.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)offset);
    }

    /// <summary>Stores <paramref name="value"/> at <paramref name="offset"/>.</summary>
    /// <param name="values">The lane buffer.</param>
    /// <param name="offset">The first element.</param>
    /// <param name="value">The vector to store.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Span<float> values, int offset, Vector<float> value)
    {
        if ((ulong)(uint)offset + (uint)Vector<float>.Count > (uint)values.Length)
            ThrowOutside(offset, values.Length);
        value.StoreUnsafe(ref MemoryMarshal.GetReference(values), (nuint)offset);
    }

    [DoesNotReturn]
    private static void ThrowOutside(int offset, int length) =>
        throw new ArgumentOutOfRangeException(nameof(offset), offset, $"A vector of {Vector<float>.Count} at {offset} does not fit in {length} elements.");

    /// <summary>
    /// eˣ per lane, within 2 ulp: Cody–Waite reduction x = k·ln 2 + r with |r| ≤ ln 2 / 2, Cephes' degree-7
    /// polynomial for eʳ, and 2ᵏ applied as two powers of two so that subnormal results survive.
    /// </summary>
    /// <param name="x">The exponents.</param>
    /// <returns>The exponentials: +∞ above 88.73, 0 below −103.98, NaN for NaN.</returns>
    /// <remarks>The BCL's float vector exp widens to double and runs at a sixth of this speed.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        // The native min, max and conversion skip the IEEE NaN and overflow fix-ups, which cost as much as the
        // polynomial: a NaN lane is restored at the end, and the clamp keeps k well inside int range.
        Vector<float> clamped = Vector.MinNative(Vector.MaxNative(x, new Vector<float>(-104f)), new Vector<float>(89f));
        Vector<float> k = Vector.Round(clamped * new Vector<float>(1.44269504088896341f));
        Vector<float> r = Vector.FusedMultiplyAdd(k, new Vector<float>(-0.693359375f), clamped);
        r = Vector.FusedMultiplyAdd(k, new Vector<float>(2.12194440e-4f), r);
        Vector<float> p = new(1.9875691500e-4f);
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1.3981999507e-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(8.3334519073e-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(4.1665795894e-2f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1.6666665459e-1f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(5.0000001201e-1f));
        p = Vector.FusedMultiplyAdd(p, r * r, r) + Vector<float>.One;
        Vector<int> n = Vector.ConvertToInt32Native(k);
        Vector<int> half = Vector.ShiftRightArithmetic(n, 1);
        Vector<float> scale1 = Vector.ShiftLeft(half + new Vector<int>(127), 23).As<int, float>();
        Vector<float> scale2 = Vector.ShiftLeft(n - half + new Vector<int>(127), 23).As<int, float>();
        return Vector.ConditionalSelect(Vector.Equals(x, x), p * scale1 * scale2, x);
    }

    /// <summary>The natural logarithm per lane.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>log x; −∞ at 0, NaN below.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x) => Vector.Log(x);

    /// <summary>log(1 + x) per lane, accurate for small x (Goldberg: log(u)·x/(u − 1) with u = 1 + x).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>log(1 + x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1p(Vector<float> x)
    {
        Vector<float> u = Vector<float>.One + x;
        Vector<float> d = u - Vector<float>.One;
        // u − 1 = 0 where x is below half an ulp of 1 (log1p x = x there), and u = ∞ where x is: log u is then exact.
        Vector<float> ratio = Vector.ConditionalSelect(Vector.Equals(u, new Vector<float>(float.PositiveInfinity)), Vector<float>.One, x / d);
        return Vector.ConditionalSelect(Vector.Equals(d, Vector<float>.Zero), x, Vector.Log(u) * ratio);
    }

    /// <summary>log(1 + eˣ) per lane without overflow: max(x, 0) + log1p(e^{−|x|}).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>softplus(x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Softplus(Vector<float> x) =>
        Vector.Max(x, Vector<float>.Zero) + Log1p(Exp(-Vector.Abs(x)));

    /// <summary>1/(1 + e^{−x}) per lane, through e^{−|x|} so that neither side overflows.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>σ(x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x)
    {
        Vector<float> e = Exp(-Vector.Abs(x));
        Vector<float> s = Vector<float>.One / (Vector<float>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero), s, e * s);
    }

    /// <summary>log σ(x) = −softplus(−x) per lane.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>log σ(x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> LogSigmoid(Vector<float> x) => -Softplus(-x);

    /// <summary>tanh per lane, through <see cref="MathF.Tanh"/> (a vector form loses relative accuracy near 0).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh x.</returns>
    public static Vector<float> Tanh(Vector<float> x)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        x.CopyTo(lanes);
        for (int k = 0; k < lanes.Length; k++)
            lanes[k] = MathF.Tanh(lanes[k]);
        return new Vector<float>(lanes);
    }

    /// <summary>√x per lane.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The square roots.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sqrt(Vector<float> x) => Vector.SquareRoot(x);

    /// <summary>|x| per lane.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The magnitudes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Abs(Vector<float> x) => Vector.Abs(x);

    /// <summary>sign(x) per lane: 1, −1, or x itself at ±0 and NaN, as <see cref="EnergyModelSupport.Sign"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The signs.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sign(Vector<float> x) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), Vector<float>.One,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -Vector<float>.One, x));

    /// <summary>The larger of two lanes, NaN if either is (so a NaN reaches the result of a log-sum-exp).</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    /// <returns>max(x, y).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Max(Vector<float> x, Vector<float> y) =>
        // MaxNative(y, x) returns x where either is NaN on x86 (and NaN on Arm), which keeps a NaN already in x;
        // the select brings in a NaN of y. Three instructions instead of the IEEE maximum's eight.
        Vector.ConditionalSelect(Vector.Equals(y, y), Vector.MaxNative(y, x), y);

    /// <summary>
    /// The shift of a log-sum-exp or softmax: the maximum where it is finite, 0 where it is ±∞ or NaN, so that
    /// x − shift is ±∞ or NaN exactly where the stable result is (−∞ for all −∞, +∞ for any +∞).
    /// </summary>
    /// <param name="max">The lanes' maxima.</param>
    /// <returns>The shifts.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Shift(Vector<float> max) =>
        Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(max), new Vector<float>(float.PositiveInfinity)), max, Vector<float>.Zero);

    /// <summary>The first <paramref name="count"/> lanes of <paramref name="x"/>, zero after them: the rows of a partial tile.</summary>
    /// <param name="x">The values.</param>
    /// <param name="count">How many lanes to keep; all of them when at least <see cref="Vector{T}.Count"/>.</param>
    /// <returns>The kept lanes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> KeepFirst(Vector<float> x, int count)
    {
        if (count >= Vector<float>.Count)
            return x;
        Vector<int> keep = Vector.LessThan(Vector<int>.Indices, new Vector<int>(count));
        return Vector.ConditionalSelect(keep.As<int, float>(), x, Vector<float>.Zero);
    }

    /// <summary>
    /// Rows first … first + count − 1 of a row-major matrix with <paramref name="width"/> columns, as lanes:
    /// lanes[k·stride + l] = rows[(first + l)·width + k]; lanes count … stride − 1 of each run are zeroed.
    /// </summary>
    /// <param name="rows">The row-major matrix.</param>
    /// <param name="first">The first row of the tile.</param>
    /// <param name="count">Rows in the tile, at most <paramref name="stride"/>.</param>
    /// <param name="width">Elements per row.</param>
    /// <param name="lanes">Receives width runs of stride elements.</param>
    /// <param name="stride">The length of a run: the tile's capacity.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ToLanes(ReadOnlySpan<float> rows, int first, int count, int width, Span<float> lanes, int stride)
    {
        ReadOnlySpan<float> tile = rows.Slice(first * width, count * width);
        Span<float> runs = lanes.Slice(0, width * stride);
        for (int k = 0; k < width; k++)
        {
            Span<float> run = runs.Slice(k * stride, stride);
            for (int l = 0; l < count; l++)
                run[l] = tile[l * width + k];
            run.Slice(count).Clear();
        }
    }

    /// <summary>The inverse of <see cref="ToLanes"/>: rows[(first + l)·width + k] = lanes[k·stride + l] for l &lt; count.</summary>
    /// <param name="lanes">Width runs of stride elements.</param>
    /// <param name="stride">The length of a run.</param>
    /// <param name="rows">The row-major matrix to write.</param>
    /// <param name="first">The first row of the tile.</param>
    /// <param name="count">Rows in the tile.</param>
    /// <param name="width">Elements per row.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FromLanes(ReadOnlySpan<float> lanes, int stride, Span<float> rows, int first, int count, int width)
    {
        Span<float> tile = rows.Slice(first * width, count * width);
        ReadOnlySpan<float> runs = lanes.Slice(0, width * stride);
        for (int k = 0; k < width; k++)
        {
            ReadOnlySpan<float> run = runs.Slice(k * stride, count);
            for (int l = 0; l < count; l++)
                tile[l * width + k] = run[l];
        }
    }
}
