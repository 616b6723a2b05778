using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ebm.LinearAlgebra;

/// <summary>
/// 128-bit micro-kernel, 6×8, for machines whose widest fused multiply-add is 128 bits (Arm64 NEON):
/// 12 accumulators, two B vectors and one broadcast stay within the 16 registers of the smallest target.
/// </summary>
internal readonly struct GemmKernel128 : IGemmKernel
{
    public static int MR => 6;

    public static int NR => 8;

    // Straight to optimised code: the first, unoptimised tier of this method runs about 20 times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta)
    {
        Vector128<float> av;
        Vector128<float> c0lo = default, c0hi = default;
        Vector128<float> c1lo = default, c1hi = default;
        Vector128<float> c2lo = default, c2hi = default;
        Vector128<float> c3lo = default, c3hi = default;
        Vector128<float> c4lo = default, c4hi = default;
        Vector128<float> c5lo = default, c5hi = default;
        // The tile of C is needed only after the k loop; fetching it now hides a miss to L2 or L3 per row,
        // which otherwise stalls the end of every tile. A row of the tile spans at most two cache lines.
        if (Sse.IsSupported)
        {
            for (int r = 0; r < MR; r++)
            {
                Sse.Prefetch0(c + r * ldc);
                Sse.Prefetch0(c + r * ldc + NR - 1);
            }
        }
        for (int p = 0; p < kc; p++)
        {
            Vector128<float> b0 = Vector128.Load(b), b1 = Vector128.Load(b + 4);
            av = Vector128.Create(a[0]); c0lo = Vector128.FusedMultiplyAdd(av, b0, c0lo); c0hi = Vector128.FusedMultiplyAdd(av, b1, c0hi);
            av = Vector128.Create(a[1]); c1lo = Vector128.FusedMultiplyAdd(av, b0, c1lo); c1hi = Vector128.FusedMultiplyAdd(av, b1, c1hi);
            av = Vector128.Create(a[2]); c2lo = Vector128.FusedMultiplyAdd(av, b0, c2lo); c2hi = Vector128.FusedMultiplyAdd(av, b1, c2hi);
            av = Vector128.Create(a[3]); c3lo = Vector128.FusedMultiplyAdd(av, b0, c3lo); c3hi = Vector128.FusedMultiplyAdd(av, b1, c3hi);
            av = Vector128.Create(a[4]); c4lo = Vector128.FusedMultiplyAdd(av, b0, c4lo); c4hi = Vector128.FusedMultiplyAdd(av, b1, c4hi);
            av = Vector128.Create(a[5]); c5lo = Vector128.FusedMultiplyAdd(av, b0, c5lo); c5hi = Vector128.FusedMultiplyAdd(av, b1, c5hi);
            a += MR;
            b += NR;
        }
        // β = 0 must overwrite, never read: C may hold NaN that reference BLAS would not propagate.
        Vector128<float> va = Vector128.Create(alpha), vb = Vector128.Create(beta);
        bool overwrite = beta == 0f;
        Update(c, c0lo, va, vb, overwrite); Update(c + 4, c0hi, va, vb, overwrite);
        Update(c + 1 * ldc, c1lo, va, vb, overwrite); Update(c + 1 * ldc + 4, c1hi, va, vb, overwrite);
        Update(c + 2 * ldc, c2lo, va, vb, overwrite); Update(c + 2 * ldc + 4, c2hi, va, vb, overwrite);
        Update(c + 3 * ldc, c3lo, va, vb, overwrite); Update(c + 3 * ldc + 4, c3hi, va, vb, overwrite);
        Update(c + 4 * ldc, c4lo, va, vb, overwrite); Update(c + 4 * ldc + 4, c4hi, va, vb, overwrite);
        Update(c + 5 * ldc, c5lo, va, vb, overwrite); Update(c + 5 * ldc + 4, c5hi, va, vb, overwrite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Update(float* c, Vector128<float> acc, Vector128<float> alpha, Vector128<float> beta, bool overwrite)
    {
        Vector128<float> r = overwrite ? alpha * acc : Vector128.FusedMultiplyAdd(alpha, acc, beta * Vector128.Load(c));
        Vector128.Store(r, c);
    }
}
