using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ebm.Rng;

/// <summary>
/// <see cref="BoxMuller.ToSingle"/> over many word pairs at once. The scalar transform is this one run on a
/// single lane, so a fill and a one-off draw give the same bits: the BCL's vector log, sqrt, sin and cos
/// compute each lane alike at every width (checked by the tests), which MathF's scalar functions do not.
/// </summary>
internal static class BoxMullerBatch
{
    private static readonly Vector128<float> Step128 = Vector128.Create(UniformConversion.SingleStep);
    private static readonly Vector512<float> Step512 = Vector512.Create(UniformConversion.SingleStep);

    /// <summary>z[2j], z[2j+1] = the pair of words[2j], words[2j+1]; words.Length is even and equals z.Length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(ReadOnlySpan<uint> words, Span<float> z)
    {
        int n = words.Length;
        int i = 0;
        if (Simd.Hardware >= VectorWidth.Bits512)
            for (; i + 32 <= n; i += 32)
                Transform512(words.Slice(i, 32), z.Slice(i, 32));
        for (; i + 8 <= n; i += 8)
            Transform128(words.Slice(i, 8), z.Slice(i, 8));
        if (i < n)
        {
            // A short tail goes through the same 128-bit code on a zero-padded copy.
            Span<uint> w = stackalloc uint[8];
            Span<float> r = stackalloc float[8];
            w.Clear();
            words[i..].CopyTo(w);
            Transform128(w, r);
            r[..(n - i)].CopyTo(z[i..]);
        }
    }

    /// <summary>One pair, through the 128-bit code, so it equals what a fill writes.</summary>
    public static NormalPair Pair(uint first, uint second)
    {
        Span<uint> w = [first, second, 0, 0, 0, 0, 0, 0];
        Span<float> r = stackalloc float[8];
        Transform128(w, r);
        return new NormalPair(r[0], r[1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transform128(ReadOnlySpan<uint> words, Span<float> z)
    {
        // Eight words are four (first, second) pairs: as 64-bit lanes, first is the low half.
        Vector128<ulong> p0 = Vector128.LoadUnsafe(ref Unsafe.As<uint, ulong>(ref MemoryMarshal.GetReference(words)));
        Vector128<ulong> p1 = Vector128.LoadUnsafe(ref Unsafe.As<uint, ulong>(ref MemoryMarshal.GetReference(words)), 2);
        Vector128<uint> first = Vector128.Narrow(p0, p1);
        Vector128<uint> second = Vector128.Narrow(p0 >>> 32, p1 >>> 32);
        Vector128<float> u0 = Vector128.ConvertToSingle(((first >>> 8) + Vector128<uint>.One).AsInt32()) * Step128;
        Vector128<float> u1 = Vector128.ConvertToSingle(((second >>> 8) + Vector128<uint>.One).AsInt32()) * Step128;
        Vector128<float> r = Vector128.Sqrt(Vector128.Create(-2f) * Vector128.Log(u0));
        (Vector128<float> sin, Vector128<float> cos) = Vector128.SinCos(Vector128.Create(BoxMuller.TwoPiSingle) * u1);
        Vector128<uint> z0 = (r * cos).AsUInt32();
        Vector128<uint> z1 = (r * sin).AsUInt32();
        // Interleave back: pair j's Z0 and Z1 become elements 2j and 2j + 1.
        Vector128<ulong> lo = Vector128.WidenLower(z0) | (Vector128.WidenLower(z1) << 32);
        Vector128<ulong> hi = Vector128.WidenUpper(z0) | (Vector128.WidenUpper(z1) << 32);
        ref ulong dst = ref Unsafe.As<float, ulong>(ref MemoryMarshal.GetReference(z));
        lo.StoreUnsafe(ref dst);
        hi.StoreUnsafe(ref dst, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transform512(ReadOnlySpan<uint> words, Span<float> z)
    {
        Vector512<ulong> p0 = Vector512.LoadUnsafe(ref Unsafe.As<uint, ulong>(ref MemoryMarshal.GetReference(words)));
        Vector512<ulong> p1 = Vector512.LoadUnsafe(ref Unsafe.As<uint, ulong>(ref MemoryMarshal.GetReference(words)), 8);
        Vector512<uint> first = Vector512.Narrow(p0, p1);
        Vector512<uint> second = Vector512.Narrow(p0 >>> 32, p1 >>> 32);
        Vector512<float> u0 = Vector512.ConvertToSingle(((first >>> 8) + Vector512<uint>.One).AsInt32()) * Step512;
        Vector512<float> u1 = Vector512.ConvertToSingle(((second >>> 8) + Vector512<uint>.One).AsInt32()) * Step512;
        Vector512<float> r = Vector512.Sqrt(Vector512.Create(-2f) * Vector512.Log(u0));
        (Vector512<float> sin, Vector512<float> cos) = Vector512.SinCos(Vector512.Create(BoxMuller.TwoPiSingle) * u1);
        Vector512<uint> z0 = (r * cos).AsUInt32();
        Vector512<uint> z1 = (r * sin).AsUInt32();
        Vector512<ulong> lo = Vector512.WidenLower(z0) | (Vector512.WidenLower(z1) << 32);
        Vector512<ulong> hi = Vector512.WidenUpper(z0) | (Vector512.WidenUpper(z1) << 32);
        ref ulong dst = ref Unsafe.As<float, ulong>(ref MemoryMarshal.GetReference(z));
        lo.StoreUnsafe(ref dst);
        hi.StoreUnsafe(ref dst, 8);
    }
}
