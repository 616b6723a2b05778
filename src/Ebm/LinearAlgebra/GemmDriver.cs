namespace Ebm.LinearAlgebra;

/// <summary>
/// Goto/BLIS blocking around a micro-kernel: for each nc-wide column block of C and each kc-deep slice of
/// k, B's kc×nc block is packed once (shared by all threads), then each thread packs mc×kc blocks of its
/// own rows of A and sweeps them against the packed B, one MR×NR tile at a time.
/// </summary>
/// <remarks>
/// Every element of C is accumulated in the same order whatever the thread count or tile position: one
/// fused multiply-add per step of k within a kc slice, slices in increasing order, with the same kc split.
/// Parallel and serial results are therefore identical bit for bit.
/// </remarks>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// Depth of a k slice. A kc×NR panel of B (32 KiB at NR = 32) stays in the 48 KiB L1 of Zen 5 while
    /// the A panels stream past it; the same kc is used by every kernel so that all vector paths
    /// round identically.
    /// </summary>
    internal const int KC = 256;

    /// <summary>Rows of A packed at once: an mc×kc block (about 200 KiB) stays in L2 across the column sweep.</summary>
    internal const int MC = 192;

    /// <summary>Columns of B packed at once: a kc×nc block (4 MiB) stays in L3.</summary>
    internal const int NC = 4096;

    public static void Run<TKernel>(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc, int threads)
        where TKernel : struct, IGemmKernel
    {
        // Equal slices rather than KC then a remainder: a thin last slice would waste a pass over C.
        int slices = (k + KC - 1) / KC;
        int kcMax = (k + slices - 1) / slices;
        int ncMax = Math.Min(NC, n);
        int nrPanels = (ncMax + TKernel.NR - 1) / TKernel.NR;

        var job = new Job<TKernel>
        {
            TransA = transA, TransB = transB, M = m, Alpha = alpha, A = a, Lda = lda, B = b, Ldb = ldb,
            C = c, Ldc = ldc, Threads = threads, KcMax = kcMax,
        };
        GemmScratch packedB = GemmScratch.Rent(checked(kcMax * nrPanels * TKernel.NR));
        try
        {
            job.PackedB = packedB.Pointer;
            for (int jc = 0; jc < n; jc += ncMax)
            {
                job.Jc = jc;
                job.Nc = Math.Min(ncMax, n - jc);
                for (int pc = 0; pc < k; pc += kcMax)
                {
                    job.Pc = pc;
                    job.Kc = Math.Min(kcMax, k - pc);
                    // Later slices add to what the first one wrote; only the first may scale or ignore C.
                    job.Beta = pc == 0 ? beta : 1f;
                    job.Run();
                }
            }
        }
        finally
        {
            GemmScratch.Return(packedB);
        }
    }

    /// <summary>The state of one (jc, pc) step, shared by the workers that pack B and compute C.</summary>
    private sealed class Job<TKernel> where TKernel : struct, IGemmKernel
    {
        public bool TransA, TransB;
        public int M, Threads, KcMax, Jc, Nc, Pc, Kc;
        public float Alpha, Beta;
        public float* A, B, C, PackedB;
        public nint Lda, Ldb, Ldc;

        // Rows of C are split between threads when there are enough of them; otherwise columns, at the
        // price of every thread packing the same (small) A.
        private int _rowParts, _colParts;

        private int _packParts;
        private Action<int>? _packB, _compute;
        private ParallelOptions? _options;

        public void Run()
        {
            int panels = (Nc + TKernel.NR - 1) / TKernel.NR;
            int rowPanels = (M + TKernel.MR - 1) / TKernel.MR;
            int threads = Threads;
            if (threads <= 1)
            {
                PackB(0, 1);
                _rowParts = _colParts = 1;
                Compute(0);
                return;
            }
            (_rowParts, _colParts) = rowPanels >= 2 * threads ? (threads, 1) : (1, threads);
            _options ??= new ParallelOptions { MaxDegreeOfParallelism = threads };
            _packParts = Math.Min(threads, panels);
            _packB ??= part => PackB(part, _packParts);
            _compute ??= Compute;
            Parallel.For(0, _packParts, _options, _packB);
            Parallel.For(0, threads, _options, _compute);
        }

        private void PackB(int part, int parts)
        {
            int nr = TKernel.NR;
            int panels = (Nc + nr - 1) / nr;
            int first = (int)((long)panels * part / parts), last = (int)((long)panels * (part + 1) / parts);
            if (first >= last)
                return;
            int j0 = first * nr, lanes = Math.Min(Nc, last * nr) - j0;
            // op(B)(p, j): B[p, j] when stored as is, B[j, p] when transposed.
            float* src = TransB ? B + (Jc + j0) * Ldb + Pc : B + Pc * Ldb + Jc + j0;
            nint laneStride = TransB ? Ldb : 1, stepStride = TransB ? 1 : Ldb;
            GemmPacking.Pack(PackedB + (nint)j0 * Kc, src, laneStride, stepStride, lanes, Kc, nr);
        }

        private void Compute(int part)
        {
            int mr = TKernel.MR, nr = TKernel.NR;
            int rowPart = part / _colParts, colPart = part % _colParts;
            int rowPanels = (M + mr - 1) / mr;
            int i0 = (int)((long)rowPanels * rowPart / _rowParts) * mr;
            int i1 = Math.Min(M, (int)((long)rowPanels * (rowPart + 1) / _rowParts) * mr);
            int panels = (Nc + nr - 1) / nr;
            int jp0 = (int)((long)panels * colPart / _colParts), jp1 = (int)((long)panels * (colPart + 1) / _colParts);
            if (i0 >= i1 || jp0 >= jp1)
                return;

            int mcMax = (GemmDriver.MC + mr - 1) / mr * mr;
            GemmScratch packedA = GemmScratch.Rent(mcMax * KcMax);
            try
            {
                for (int ic = i0; ic < i1; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, i1 - ic);
                    // op(A)(i, p): A[i, p] when stored as is, A[p, i] when transposed.
                    float* src = TransA ? A + Pc * Lda + ic : A + ic * Lda + Pc;
                    nint laneStride = TransA ? 1 : Lda, stepStride = TransA ? Lda : 1;
                    GemmPacking.Pack(packedA.Pointer, src, laneStride, stepStride, mc, Kc, mr);
                    Macro(packedA.Pointer, ic, mc, jp0, jp1);
                }
            }
            finally
            {
                GemmScratch.Return(packedA);
            }
        }

        private void Macro(float* packedA, int ic, int mc, int jp0, int jp1)
        {
            int mr = TKernel.MR, nr = TKernel.NR, kc = Kc;
            float* tile = stackalloc float[mr * nr];
            for (int jp = jp0; jp < jp1; jp++)
            {
                int jr = jp * nr;
                int nEdge = Math.Min(nr, Nc - jr);
                float* bPanel = PackedB + (nint)jr * kc;
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int mEdge = Math.Min(mr, mc - ir);
                    float* aPanel = packedA + (nint)ir * kc;
                    float* cTile = C + (ic + ir) * Ldc + Jc + jr;
                    if (mEdge == mr && nEdge == nr)
                    {
                        TKernel.Run(kc, aPanel, bPanel, cTile, Ldc, Alpha, Beta);
                        continue;
                    }
                    // A partial tile goes through a scratch tile: α = 1, β = 0 leaves the exact sums there,
                    // and the update below rounds exactly as the kernel's own store would.
                    TKernel.Run(kc, aPanel, bPanel, tile, nr, 1f, 0f);
                    StoreEdge(tile, nr, cTile, Ldc, mEdge, nEdge, Alpha, Beta);
                }
            }
        }
    }

    private static void StoreEdge(float* tile, int nr, float* c, nint ldc, int rows, int cols, float alpha, float beta)
    {
        for (int i = 0; i < rows; i++)
        {
            float* t = tile + i * nr;
            float* ci = c + i * ldc;
            if (beta == 0f)
            {
                for (int j = 0; j < cols; j++)
                    ci[j] = alpha * t[j];
            }
            else
            {
                for (int j = 0; j < cols; j++)
                    ci[j] = MathF.FusedMultiplyAdd(alpha, t[j], beta * ci[j]);
            }
        }
    }
}
