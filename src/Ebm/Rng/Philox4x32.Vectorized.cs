using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ebm.Rng;

// Many counters at once: lane j of each vector holds word w of block j (structure of arrays), so one
// round is the scalar round applied lane-wise. The 32×32→64 products come from VPMULUDQ, which
// multiplies the even 32-bit lanes; the odd lanes are shifted down and multiplied separately.
public static partial class Philox4x32
{
    /// <summary>Whether <see cref="FillVector512"/> runs on this machine.</summary>
    internal static bool IsVector512Accelerated => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>Whether <see cref="FillVector256"/> runs on this machine.</summary>
    internal static bool IsVector256Accelerated => Avx2.IsSupported;

    /// <summary>Writes the first multiple of 16 blocks of <paramref name="destination"/>; returns how many blocks.</summary>
    internal static int FillVector512(Philox4x32Key key, Philox4x32Block firstCounter, Span<uint> destination)
    {
        const int Lanes = 16;
        int groups = destination.Length / (4 * Lanes);
        if (groups == 0 || !IsVector512Accelerated)
            return 0;
        Span<uint> soa = stackalloc uint[4 * Lanes];
        Vector512<uint> lane = Vector512<uint>.Indices;
        for (int g = 0; g < groups; g++)
        {
            Vector512<uint> x0 = Vector512.Create(firstCounter.W0 + (uint)(g * Lanes)) + lane;
            Vector512<uint> x1 = Vector512.Create(firstCounter.W1);
            Vector512<uint> x2 = Vector512.Create(firstCounter.W2);
            Vector512<uint> x3 = Vector512.Create(firstCounter.W3);
            uint k0 = key.K0, k1 = key.K1;
            Round512(ref x0, ref x1, ref x2, ref x3, k0, k1);
            for (int r = 1; r < Rounds; r++)
            {
                k0 += Weyl0;
                k1 += Weyl1;
                Round512(ref x0, ref x1, ref x2, ref x3, k0, k1);
            }
            x0.CopyTo(soa);
            x1.CopyTo(soa[Lanes..]);
            x2.CopyTo(soa[(2 * Lanes)..]);
            x3.CopyTo(soa[(3 * Lanes)..]);
            Interleave(soa, destination.Slice(g * 4 * Lanes, 4 * Lanes), Lanes);
        }
        return groups * Lanes;
    }

    /// <summary>Writes the first multiple of 8 blocks of <paramref name="destination"/>; returns how many blocks.</summary>
    internal static int FillVector256(Philox4x32Key key, Philox4x32Block firstCounter, Span<uint> destination)
    {
        const int Lanes = 8;
        int groups = destination.Length / (4 * Lanes);
        if (groups == 0 || !IsVector256Accelerated)
            return 0;
        Span<uint> soa = stackalloc uint[4 * Lanes];
        Vector256<uint> lane = Vector256<uint>.Indices;
        for (int g = 0; g < groups; g++)
        {
            Vector256<uint> x0 = Vector256.Create(firstCounter.W0 + (uint)(g * Lanes)) + lane;
            Vector256<uint> x1 = Vector256.Create(firstCounter.W1);
            Vector256<uint> x2 = Vector256.Create(firstCounter.W2);
            Vector256<uint> x3 = Vector256.Create(firstCounter.W3);
            uint k0 = key.K0, k1 = key.K1;
            Round256(ref x0, ref x1, ref x2, ref x3, k0, k1);
            for (int r = 1; r < Rounds; r++)
            {
                k0 += Weyl0;
                k1 += Weyl1;
                Round256(ref x0, ref x1, ref x2, ref x3, k0, k1);
            }
            x0.CopyTo(soa);
            x1.CopyTo(soa[Lanes..]);
            x2.CopyTo(soa[(2 * Lanes)..]);
            x3.CopyTo(soa[(3 * Lanes)..]);
            Interleave(soa, destination.Slice(g * 4 * Lanes, 4 * Lanes), Lanes);
        }
        return groups * Lanes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave(ReadOnlySpan<uint> soa, Span<uint> aos, int lanes)
    {
        for (int j = 0; j < lanes; j++)
        {
            aos[4 * j] = soa[j];
            aos[4 * j + 1] = soa[lanes + j];
            aos[4 * j + 2] = soa[2 * lanes + j];
            aos[4 * j + 3] = soa[3 * lanes + j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round512(ref Vector512<uint> x0, ref Vector512<uint> x1, ref Vector512<uint> x2, ref Vector512<uint> x3,
        uint k0, uint k1)
    {
        MulHiLo512(x0, Multiplier0, out Vector512<uint> hi0, out Vector512<uint> lo0);
        MulHiLo512(x2, Multiplier1, out Vector512<uint> hi1, out Vector512<uint> lo1);
        Vector512<uint> y0 = hi1 ^ x1 ^ Vector512.Create(k0);
        Vector512<uint> y2 = hi0 ^ x3 ^ Vector512.Create(k1);
        x0 = y0;
        x1 = lo1;
        x2 = y2;
        x3 = lo0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round256(ref Vector256<uint> x0, ref Vector256<uint> x1, ref Vector256<uint> x2, ref Vector256<uint> x3,
        uint k0, uint k1)
    {
        MulHiLo256(x0, Multiplier0, out Vector256<uint> hi0, out Vector256<uint> lo0);
        MulHiLo256(x2, Multiplier1, out Vector256<uint> hi1, out Vector256<uint> lo1);
        Vector256<uint> y0 = hi1 ^ x1 ^ Vector256.Create(k0);
        Vector256<uint> y2 = hi0 ^ x3 ^ Vector256.Create(k1);
        x0 = y0;
        x1 = lo1;
        x2 = y2;
        x3 = lo0;
    }

    // Little-endian: uint lane 2i is the low half of ulong lane i, uint lane 2i+1 the high half.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulHiLo512(Vector512<uint> x, uint multiplier, out Vector512<uint> hi, out Vector512<uint> lo)
    {
        Vector512<uint> m = Vector512.Create(multiplier);
        Vector512<ulong> even = Avx512F.Multiply(x, m);
        Vector512<ulong> odd = Avx512F.Multiply((x.AsUInt64() >>> 32).AsUInt32(), m);
        Vector512<ulong> lowHalf = Vector512.Create(0x0000_0000_FFFF_FFFFUL);
        lo = ((even & lowHalf) | (odd << 32)).AsUInt32();
        hi = ((even >>> 32) | (odd & ~lowHalf)).AsUInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulHiLo256(Vector256<uint> x, uint multiplier, out Vector256<uint> hi, out Vector256<uint> lo)
    {
        Vector256<uint> m = Vector256.Create(multiplier);
        Vector256<ulong> even = Avx2.Multiply(x, m);
        Vector256<ulong> odd = Avx2.Multiply((x.AsUInt64() >>> 32).AsUInt32(), m);
        Vector256<ulong> lowHalf = Vector256.Create(0x0000_0000_FFFF_FFFFUL);
        lo = ((even & lowHalf) | (odd << 32)).AsUInt32();
        hi = ((even >>> 32) | (odd & ~lowHalf)).AsUInt32();
    }
}
