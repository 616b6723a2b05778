using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ebm.LinearAlgebra;

/// <summary>
/// AVX-512 micro-kernel, 12×32: 24 zmm accumulators, two B vectors and one broadcast fit in the 32 zmm
/// registers without spills. 6, 8, 12 and 14 rows all reach the same rate on cached panels on Zen 5; 12 rows
/// halve the traffic per flop of B against 6 and still let the JIT keep every accumulator in a register.
/// </summary>
internal readonly struct GemmKernel512 : IGemmKernel
{
    public static int MR => 12;

    public static int NR => 32;

    // Straight to optimised code: the first, unoptimised tier of this method runs about 20 times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta)
    {
        Vector512<float> av;
        Vector512<float> c0lo = default, c0hi = default;
        Vector512<float> c1lo = default, c1hi = default;
        Vector512<float> c2lo = default, c2hi = default;
        Vector512<float> c3lo = default, c3hi = default;
        Vector512<float> c4lo = default, c4hi = default;
        Vector512<float> c5lo = default, c5hi = default;
        Vector512<float> c6lo = default, c6hi = default;
        Vector512<float> c7lo = default, c7hi = default;
        Vector512<float> c8lo = default, c8hi = default;
        Vector512<float> c9lo = default, c9hi = default;
        Vector512<float> c10lo = default, c10hi = default;
        Vector512<float> c11lo = default, c11hi = default;
        // The tile of C is needed only after the k loop; fetching it now hides a miss to L2 or L3 per row,
        // which otherwise stalls the end of every tile. A row of the tile spans up to three cache lines.
        if (Sse.IsSupported)
        {
            for (int r = 0; r < MR; r++)
            {
                Sse.Prefetch0(c + r * ldc);
                Sse.Prefetch0(c + r * ldc + NR / 2);
                Sse.Prefetch0(c + r * ldc + NR - 1);
            }
        }
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b), b1 = Vector512.Load(b + 16);
            av = Vector512.Create(a[0]); c0lo = Vector512.FusedMultiplyAdd(av, b0, c0lo); c0hi = Vector512.FusedMultiplyAdd(av, b1, c0hi);
            av = Vector512.Create(a[1]); c1lo = Vector512.FusedMultiplyAdd(av, b0, c1lo); c1hi = Vector512.FusedMultiplyAdd(av, b1, c1hi);
            av = Vector512.Create(a[2]); c2lo = Vector512.FusedMultiplyAdd(av, b0, c2lo); c2hi = Vector512.FusedMultiplyAdd(av, b1, c2hi);
            av = Vector512.Create(a[3]); c3lo = Vector512.FusedMultiplyAdd(av, b0, c3lo); c3hi = Vector512.FusedMultiplyAdd(av, b1, c3hi);
            av = Vector512.Create(a[4]); c4lo = Vector512.FusedMultiplyAdd(av, b0, c4lo); c4hi = Vector512.FusedMultiplyAdd(av, b1, c4hi);
            av = Vector512.Create(a[5]); c5lo = Vector512.FusedMultiplyAdd(av, b0, c5lo); c5hi = Vector512.FusedMultiplyAdd(av, b1, c5hi);
            av = Vector512.Create(a[6]); c6lo = Vector512.FusedMultiplyAdd(av, b0, c6lo); c6hi = Vector512.FusedMultiplyAdd(av, b1, c6hi);
            av = Vector512.Create(a[7]); c7lo = Vector512.FusedMultiplyAdd(av, b0, c7lo); c7hi = Vector512.FusedMultiplyAdd(av, b1, c7hi);
            av = Vector512.Create(a[8]); c8lo = Vector512.FusedMultiplyAdd(av, b0, c8lo); c8hi = Vector512.FusedMultiplyAdd(av, b1, c8hi);
            av = Vector512.Create(a[9]); c9lo = Vector512.FusedMultiplyAdd(av, b0, c9lo); c9hi = Vector512.FusedMultiplyAdd(av, b1, c9hi);
            av = Vector512.Create(a[10]); c10lo = Vector512.FusedMultiplyAdd(av, b0, c10lo); c10hi = Vector512.FusedMultiplyAdd(av, b1, c10hi);
            av = Vector512.Create(a[11]); c11lo = Vector512.FusedMultiplyAdd(av, b0, c11lo); c11hi = Vector512.FusedMultiplyAdd(av, b1, c11hi);
            a += MR;
            b += NR;
        }
        // β = 0 must overwrite, never read: C may hold NaN that reference BLAS would not propagate.
        Vector512<float> va = Vector512.Create(alpha), vb = Vector512.Create(beta);
        bool overwrite = beta == 0f;
        Update(c, c0lo, va, vb, overwrite); Update(c + 16, c0hi, va, vb, overwrite);
        Update(c + 1 * ldc, c1lo, va, vb, overwrite); Update(c + 1 * ldc + 16, c1hi, va, vb, overwrite);
        Update(c + 2 * ldc, c2lo, va, vb, overwrite); Update(c + 2 * ldc + 16, c2hi, va, vb, overwrite);
        Update(c + 3 * ldc, c3lo, va, vb, overwrite); Update(c + 3 * ldc + 16, c3hi, va, vb, overwrite);
        Update(c + 4 * ldc, c4lo, va, vb, overwrite); Update(c + 4 * ldc + 16, c4hi, va, vb, overwrite);
        Update(c + 5 * ldc, c5lo, va, vb, overwrite); Update(c + 5 * ldc + 16, c5hi, va, vb, overwrite);
        Update(c + 6 * ldc, c6lo, va, vb, overwrite); Update(c + 6 * ldc + 16, c6hi, va, vb, overwrite);
        Update(c + 7 * ldc, c7lo, va, vb, overwrite); Update(c + 7 * ldc + 16, c7hi, va, vb, overwrite);
        Update(c + 8 * ldc, c8lo, va, vb, overwrite); Update(c + 8 * ldc + 16, c8hi, va, vb, overwrite);
        Update(c + 9 * ldc, c9lo, va, vb, overwrite); Update(c + 9 * ldc + 16, c9hi, va, vb, overwrite);
        Update(c + 10 * ldc, c10lo, va, vb, overwrite); Update(c + 10 * ldc + 16, c10hi, va, vb, overwrite);
        Update(c + 11 * ldc, c11lo, va, vb, overwrite); Update(c + 11 * ldc + 16, c11hi, va, vb, overwrite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Update(float* c, Vector512<float> acc, Vector512<float> alpha, Vector512<float> beta, bool overwrite)
    {
        Vector512<float> r = overwrite ? alpha * acc : Vector512.FusedMultiplyAdd(alpha, acc, beta * Vector512.Load(c));
        Vector512.Store(r, c);
    }
}
