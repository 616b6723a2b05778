using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ebm.LinearAlgebra;

/// <summary>
/// Copies a block of op(A) or op(B) into the panel layout the micro-kernels stream through: panels of
/// <c>width</c> lanes (MR rows of A, or NR columns of B), each stored as kc consecutive groups of
/// <c>width</c> floats. Lanes past the edge of the matrix are zero, so the kernel always runs full tiles and
/// the padding contributes nothing to the sums. Both operands reduce to one of two source layouts:
/// lanes adjacent in memory (B as stored, Aᵀ) or steps adjacent in memory (A as stored, Bᵀ).
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs <paramref name="lanes"/> lanes × <paramref name="kc"/> steps where element (l, p) is at
    /// <c>src[l·laneStride + p·stepStride]</c>, and one of the two strides is 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(float* dst, float* src, nint laneStride, nint stepStride, int lanes, int kc, int width)
    {
        for (int l0 = 0; l0 < lanes; l0 += width)
        {
            int w = Math.Min(width, lanes - l0);
            float* panelSrc = src + l0 * laneStride;
            if (laneStride == 1)
                PackLanesContiguous(dst, panelSrc, stepStride, w, kc, width);
            else
                PackStepsContiguous(dst, panelSrc, laneStride, w, kc, width);
            dst += (nint)width * kc;
        }
    }

    private static void PackLanesContiguous(float* dst, float* src, nint stepStride, int w, int kc, int width)
    {
        for (int p = 0; p < kc; p++, src += stepStride, dst += width)
        {
            int l = 0;
            for (; l + Vector256<float>.Count <= w; l += Vector256<float>.Count)
                Vector256.Store(Vector256.Load(src + l), dst + l);
            for (; l < w; l++)
                dst[l] = src[l];
            for (; l < width; l++)
                dst[l] = 0f;
        }
    }

    private static void PackStepsContiguous(float* dst, float* src, nint laneStride, int w, int kc, int width)
    {
        int l = 0;
        if (Sse.IsSupported)
        {
            // 4×4 transposes in registers: four loads, eight shuffles and four stores per 16 floats,
            // against a load and a store per float lane by lane. This is the layout of A as stored,
            // the common case, so it is worth the shuffles.
            for (; l + 4 <= w; l += 4)
            {
                float* s0 = src + l * laneStride, s1 = s0 + laneStride, s2 = s1 + laneStride, s3 = s2 + laneStride;
                float* d = dst + l;
                int p = 0;
                for (; p + 4 <= kc; p += 4, d += 4 * width)
                {
                    Vector128<float> r0 = Sse.LoadVector128(s0 + p), r1 = Sse.LoadVector128(s1 + p);
                    Vector128<float> r2 = Sse.LoadVector128(s2 + p), r3 = Sse.LoadVector128(s3 + p);
                    Vector128<float> t0 = Sse.UnpackLow(r0, r1), t1 = Sse.UnpackHigh(r0, r1);
                    Vector128<float> t2 = Sse.UnpackLow(r2, r3), t3 = Sse.UnpackHigh(r2, r3);
                    Sse.Store(d, Sse.MoveLowToHigh(t0, t2));
                    Sse.Store(d + width, Sse.MoveHighToLow(t2, t0));
                    Sse.Store(d + 2 * width, Sse.MoveLowToHigh(t1, t3));
                    Sse.Store(d + 3 * width, Sse.MoveHighToLow(t3, t1));
                }
                for (; p < kc; p++, d += width)
                {
                    d[0] = s0[p];
                    d[1] = s1[p];
                    d[2] = s2[p];
                    d[3] = s3[p];
                }
            }
        }
        // Lane by lane keeps each source read sequential; the strided writes stay inside one panel,
        // which is small enough (width × kc floats) to live in L1 while it is written.
        for (; l < w; l++)
        {
            float* s = src + l * laneStride;
            float* d = dst + l;
            for (int p = 0; p < kc; p++)
                d[(nint)p * width] = s[p];
        }
        for (; l < width; l++)
        {
            float* d = dst + l;
            for (int p = 0; p < kc; p++)
                d[(nint)p * width] = 0f;
        }
    }
}
