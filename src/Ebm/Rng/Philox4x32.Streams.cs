using System.Runtime.Intrinsics;

namespace Ebm.Rng;

// Many streams at once: the same block index and step for consecutive stream ids, which sit in counter word 3.
// Lane j of each vector is stream firstStream + j, so the round is again the scalar round applied lane-wise.
public static partial class Philox4x32
{
    /// <summary>
    /// Block <paramref name="counter"/>.W0 at step (W1, W2) of streams counter.W3 … counter.W3 + count − 1, as four
    /// word arrays: w0[j] … w3[j] are the words of stream counter.W3 + j.
    /// </summary>
    internal static void FillStreams(Philox4x32Key key, Philox4x32Block counter, Span<uint> w0, Span<uint> w1, Span<uint> w2, Span<uint> w3)
    {
        int count = w0.Length;
        int j = 0;
        if (IsVector512Accelerated)
        {
            for (; j + 16 <= count; j += 16)
            {
                Vector512<uint> x0 = Vector512.Create(counter.W0), x1 = Vector512.Create(counter.W1), x2 = Vector512.Create(counter.W2);
                Vector512<uint> x3 = Vector512.Create(counter.W3 + (uint)j) + Vector512<uint>.Indices;
                uint k0 = key.K0, k1 = key.K1;
                Round512(ref x0, ref x1, ref x2, ref x3, k0, k1);
                for (int r = 1; r < Rounds; r++)
                {
                    k0 += Weyl0;
                    k1 += Weyl1;
                    Round512(ref x0, ref x1, ref x2, ref x3, k0, k1);
                }
                x0.CopyTo(w0.Slice(j));
                x1.CopyTo(w1.Slice(j));
                x2.CopyTo(w2.Slice(j));
                x3.CopyTo(w3.Slice(j));
            }
        }
        if (IsVector256Accelerated)
        {
            for (; j + 8 <= count; j += 8)
            {
                Vector256<uint> x0 = Vector256.Create(counter.W0), x1 = Vector256.Create(counter.W1), x2 = Vector256.Create(counter.W2);
                Vector256<uint> x3 = Vector256.Create(counter.W3 + (uint)j) + Vector256<uint>.Indices;
                uint k0 = key.K0, k1 = key.K1;
                Round256(ref x0, ref x1, ref x2, ref x3, k0, k1);
                for (int r = 1; r < Rounds; r++)
                {
                    k0 += Weyl0;
                    k1 += Weyl1;
                    Round256(ref x0, ref x1, ref x2, ref x3, k0, k1);
                }
                x0.CopyTo(w0.Slice(j));
                x1.CopyTo(w1.Slice(j));
                x2.CopyTo(w2.Slice(j));
                x3.CopyTo(w3.Slice(j));
            }
        }
        for (; j < count; j++)
        {
            Philox4x32Block b = Compute(key, counter with { W3 = counter.W3 + (uint)j });
            w0[j] = b.W0;
            w1[j] = b.W1;
            w2[j] = b.W2;
            w3[j] = b.W3;
        }
    }
}
