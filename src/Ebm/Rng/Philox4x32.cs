using System.Runtime.CompilerServices;

namespace Ebm.Rng;

/// <summary>
/// Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw, "Parallel Random Numbers:
/// As Easy as 1, 2, 3" (SC'11), exactly as in Random123's <c>philox4x32_R(10, ctr, key)</c>: a keyed
/// bijection of 128-bit counters, so a draw is a pure function of (key, counter) and needs no state.
/// </summary>
/// <remarks>
/// One round maps (x0, x1, x2, x3) with key (k0, k1) to
/// (hi(M1·x2) ⊕ x1 ⊕ k0, lo(M1·x2), hi(M0·x0) ⊕ x3 ⊕ k1, lo(M0·x0)), where hi/lo are the upper/lower
/// 32 bits of the 64-bit product. The first round uses the key as given; before each of the nine others
/// the key is bumped by the Weyl constants (k0 += W0, k1 += W1, modulo 2³²).
/// </remarks>
public static partial class Philox4x32
{
    /// <summary>Multiplier applied to counter word 0 (Random123 <c>PHILOX_M4x32_0</c>).</summary>
    public const uint Multiplier0 = 0xD2511F53;

    /// <summary>Multiplier applied to counter word 2 (Random123 <c>PHILOX_M4x32_1</c>).</summary>
    public const uint Multiplier1 = 0xCD9E8D57;

    /// <summary>Key bump of key word 0: the golden ratio in 0.32 fixed point (Random123 <c>PHILOX_W32_0</c>).</summary>
    public const uint Weyl0 = 0x9E3779B9;

    /// <summary>Key bump of key word 1: √3 − 1 in 0.32 fixed point (Random123 <c>PHILOX_W32_1</c>).</summary>
    public const uint Weyl1 = 0xBB67AE85;

    /// <summary>Number of rounds; 10 is Random123's default and the variant its authors recommend.</summary>
    public const int Rounds = 10;

    /// <summary>Encrypts one counter: the 128 random bits of block <paramref name="counter"/> under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="counter">The counter.</param>
    /// <returns>Four independent-looking uniform 32-bit words.</returns>
    public static Philox4x32Block Compute(Philox4x32Key key, Philox4x32Block counter)
    {
        uint x0 = counter.W0, x1 = counter.W1, x2 = counter.W2, x3 = counter.W3;
        uint k0 = key.K0, k1 = key.K1;
        Round(ref x0, ref x1, ref x2, ref x3, k0, k1);
        for (int r = 1; r < Rounds; r++)
        {
            k0 += Weyl0;
            k1 += Weyl1;
            Round(ref x0, ref x1, ref x2, ref x3, k0, k1);
        }
        return new Philox4x32Block(x0, x1, x2, x3);
    }

    /// <summary>
    /// Writes consecutive blocks: block i (words 4i … 4i+3 of <paramref name="destination"/>) is
    /// <see cref="Compute"/> of <paramref name="firstCounter"/> with word 0 increased by i modulo 2³²
    /// (words 1–3 do not carry). Uses AVX-512 or AVX2 where available; the result is identical either way.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="firstCounter">The counter of block 0.</param>
    /// <param name="destination">Receives the words; its length must be a multiple of 4.</param>
    public static void Fill(Philox4x32Key key, Philox4x32Block firstCounter, Span<uint> destination)
    {
        if (destination.Length % 4 != 0)
            throw new ArgumentException($"The length {destination.Length} is not a whole number of 4-word blocks.", nameof(destination));
        int done = FillVector512(key, firstCounter, destination);
        done += FillVector256(key, firstCounter with { W0 = firstCounter.W0 + (uint)done }, destination[(4 * done)..]);
        FillScalar(key, firstCounter with { W0 = firstCounter.W0 + (uint)done }, destination[(4 * done)..]);
    }

    /// <summary>The one-block-at-a-time path: the oracle of the vector paths and the fallback.</summary>
    internal static void FillScalar(Philox4x32Key key, Philox4x32Block firstCounter, Span<uint> destination)
    {
        int blocks = destination.Length / 4;
        for (int i = 0; i < blocks; i++)
        {
            Philox4x32Block r = Compute(key, firstCounter with { W0 = firstCounter.W0 + (uint)i });
            Span<uint> d = destination.Slice(4 * i, 4);
            d[0] = r.W0;
            d[1] = r.W1;
            d[2] = r.W2;
            d[3] = r.W3;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint x0, ref uint x1, ref uint x2, ref uint x3, uint k0, uint k1)
    {
        ulong p0 = (ulong)Multiplier0 * x0;
        ulong p1 = (ulong)Multiplier1 * x2;
        uint y0 = (uint)(p1 >> 32) ^ x1 ^ k0;
        uint y2 = (uint)(p0 >> 32) ^ x3 ^ k1;
        x0 = y0;
        x1 = (uint)p1;
        x2 = y2;
        x3 = (uint)p0;
    }
}
