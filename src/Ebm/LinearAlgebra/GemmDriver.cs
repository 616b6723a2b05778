using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Ebm.LinearAlgebra;

/// <summary>
/// Goto/BLIS blocking around a micro-kernel: for each nc-wide column block of C and each kc-deep slice of
/// k, B's kc×nc block is packed, then each mc×kc block of A is packed and swept against it, one MR×NR tile
/// at a time.
/// </summary>
/// <remarks>
/// <para>In parallel, C is cut into one rectangle per thread and each thread runs the whole blocked product
/// on its own, packing its own panels of A and B into buffers that stay with the thread. Sharing packed B
/// instead (BLIS's way) saves packing work but makes every packed line cross between cores twice per call:
/// on the two-core machine this was measured on, that traffic made parallel packing six times slower than
/// serial, and cost more than packing the smaller operand twice. Rectangles are claimed from a counter, the
/// calling thread included, so a helper that starts late only leaves the caller more to do.</para>
/// <para>Every element of C is accumulated in the same order whatever the thread count or tile position: one
/// fused multiply-add per step of k within a slice, slices in increasing order, with a split of k that
/// depends on k alone. Parallel and serial results are therefore identical bit for bit.</para>
/// </remarks>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// Deepest k slice. Measured on Zen 5 from 128 to 2048: deeper is better up to about 1024 (by 5–10% on two
    /// cores against 256), because each slice past the first costs a read and write of C, and a kc×NR panel
    /// of B (128 KiB at 1024) streams from L2 fast enough for the kernel's two loads per 24 FMAs. The RBM's
    /// products (k = 500 to 784) thus run in one slice. All kernels use the same split of k, so that all
    /// vector paths round identically.
    /// </summary>
    internal const int KC = 1024;

    /// <summary>
    /// Most rows of A packed at once: an mc×kc block (up to 384 KiB) stays in L2 while it is swept across
    /// the columns. 48 to 192 measured alike.
    /// </summary>
    internal const int MC = 96;

    /// <summary>Most columns of B packed at once: a kc×nc block (up to 8 MiB) stays in L3.</summary>
    internal const int NC = 2048;

    // Packing buffers kept by each thread between calls, so that their lines stay in that core's caches.
    [ThreadStatic]
    private static GemmScratch? t_packedA, t_packedB;

    public static void Run<TKernel>(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc, int threads)
        where TKernel : struct, IGemmKernel
    {
        var job = new Job<TKernel>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads);
        job.Run();
    }

    private sealed class Job<TKernel> : SharedWork where TKernel : struct, IGemmKernel
    {
        private readonly bool _transA, _transB;
        private readonly int _m, _n, _k, _kcMax, _rowParts, _colParts, _parts;
        private readonly float _alpha, _beta;
        private readonly float* _a, _b, _c;
        private readonly nint _lda, _ldb, _ldc;
        private int _nextPart, _partsDone;
        private ExceptionDispatchInfo? _failure;

        public Job(bool transA, bool transB, int m, int n, int k, float alpha,
            float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc, int threads)
        {
            (_transA, _transB, _m, _n, _k, _alpha, _beta, _lda, _ldb, _ldc) = (transA, transB, m, n, k, alpha, beta, lda, ldb, ldc);
            _a = a;
            _b = b;
            _c = c;
            // Equal slices rather than KC then a remainder: a thin last slice would cost a pass over C for little.
            int slices = (k + KC - 1) / KC;
            _kcMax = (k + slices - 1) / slices;
            (_rowParts, _colParts) = Grid(m, n, threads);
            _parts = _rowParts * _colParts;
        }

        /// <summary>
        /// Rows × columns of the thread grid. A thread packs its share of A's rows and all of B's columns in its
        /// share (and vice versa), so the grid minimises m/rows + n/columns, the floats each thread packs per k.
        /// Fewer threads are used when no grid of all of them gives each at least one tile row and column.
        /// </summary>
        private static (int Rows, int Cols) Grid(int m, int n, int threads)
        {
            int rowPanels = (m + TKernel.MR - 1) / TKernel.MR, colPanels = (n + TKernel.NR - 1) / TKernel.NR;
            for (int count = threads; count > 1; count--)
            {
                (int Rows, int Cols) best = (0, 0);
                double bestCost = double.MaxValue;
                for (int rows = 1; rows <= count; rows++)
                {
                    int cols = count / rows;
                    if (rows * cols != count || rows > rowPanels || cols > colPanels)
                        continue;
                    double cost = (double)m / rows + (double)n / cols;
                    if (cost < bestCost)
                        (best, bestCost) = ((rows, cols), cost);
                }
                if (best.Rows > 0)
                    return best;
            }
            return (1, 1);
        }

        public void Run()
        {
            if (_parts > 1)
                GemmWorkers.Start(this, _parts - 1);
            Work();
            // Parts not yet done are held by running threads, so this wait is short and always ends. It also
            // runs when a part failed: C stays pinned by the caller only until this returns.
            var spin = new SpinWait();
            while (Volatile.Read(ref _partsDone) < _parts)
                spin.SpinOnce(sleep1Threshold: -1);
            Close();
            _failure?.Throw();
        }

        protected override void Work()
        {
            for (int part; (part = Interlocked.Increment(ref _nextPart) - 1) < _parts;)
            {
                int mr = TKernel.MR, nr = TKernel.NR;
                int rowPart = part / _colParts, colPart = part % _colParts;
                int rowPanels = (_m + mr - 1) / mr, colPanels = (_n + nr - 1) / nr;
                int i0 = (int)((long)rowPanels * rowPart / _rowParts) * mr;
                int i1 = Math.Min(_m, (int)((long)rowPanels * (rowPart + 1) / _rowParts) * mr);
                int j0 = (int)((long)colPanels * colPart / _colParts) * nr;
                int j1 = Math.Min(_n, (int)((long)colPanels * (colPart + 1) / _colParts) * nr);
                try
                {
                    Block(i0, i1, j0, j1);
                }
                catch (Exception e)
                {
                    // Only running out of memory for packing buffers is expected here. On a helper thread it
                    // would end the process, so it is handed to the caller instead.
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
                }
                finally
                {
                    Interlocked.Increment(ref _partsDone);
                }
            }
        }

        /// <summary>The serial blocked product on rows [i0, i1) and columns [j0, j1) of C.</summary>
        private void Block(int i0, int i1, int j0, int j1)
        {
            int mr = TKernel.MR, nr = TKernel.NR;
            int mcMax = Math.Max(1, MC / mr) * mr;
            int ncMax = Math.Min(NC, (j1 - j0 + nr - 1) / nr * nr);
            GemmScratch packedA = Take(ref t_packedA, mcMax * _kcMax);
            GemmScratch packedB = Take(ref t_packedB, ncMax * _kcMax);
            try
            {
                for (int jc = j0; jc < j1; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, j1 - jc);
                    for (int pc = 0; pc < _k; pc += _kcMax)
                    {
                        int kc = Math.Min(_kcMax, _k - pc);
                        // op(B)(p, j): B[p, j] when stored as is, B[j, p] when transposed.
                        float* bSrc = _transB ? _b + jc * _ldb + pc : _b + pc * _ldb + jc;
                        GemmPacking.Pack(packedB.Pointer, bSrc, _transB ? _ldb : 1, _transB ? 1 : _ldb, nc, kc, nr);
                        // Later slices add to what the first one wrote; only the first may scale or ignore C.
                        float beta = pc == 0 ? _beta : 1f;
                        for (int ic = i0; ic < i1; ic += mcMax)
                        {
                            int mc = Math.Min(mcMax, i1 - ic);
                            // op(A)(i, p): A[i, p] when stored as is, A[p, i] when transposed.
                            float* aSrc = _transA ? _a + pc * _lda + ic : _a + ic * _lda + pc;
                            GemmPacking.Pack(packedA.Pointer, aSrc, _transA ? 1 : _lda, _transA ? _lda : 1, mc, kc, mr);
                            Macro(packedA.Pointer, packedB.Pointer, kc, ic, mc, jc, nc, beta);
                        }
                    }
                }
            }
            finally
            {
                Give(ref t_packedA, packedA);
                Give(ref t_packedB, packedB);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Macro(float* packedA, float* packedB, int kc, int ic, int mc, int jc, int nc, float beta)
        {
            int mr = TKernel.MR, nr = TKernel.NR;
            float* tile = stackalloc float[mr * nr];
            for (int jr = 0; jr < nc; jr += nr)
            {
                int nEdge = Math.Min(nr, nc - jr);
                float* bPanel = packedB + (nint)jr * kc;
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int mEdge = Math.Min(mr, mc - ir);
                    float* aPanel = packedA + (nint)ir * kc;
                    float* cTile = _c + (ic + ir) * _ldc + jc + jr;
                    if (mEdge == mr && nEdge == nr)
                    {
                        TKernel.Run(kc, aPanel, bPanel, cTile, _ldc, _alpha, beta);
                        continue;
                    }
                    // A partial tile goes through a scratch tile: α = 1, β = 0 leaves the exact sums there,
                    // and the update below rounds exactly as the kernel's own store would.
                    TKernel.Run(kc, aPanel, bPanel, tile, nr, 1f, 0f);
                    StoreEdge(tile, nr, cTile, _ldc, mEdge, nEdge, _alpha, beta);
                }
            }
        }
    }

    /// <summary>The calling thread's own buffer when it is large enough, else one from the shared pool.</summary>
    private static GemmScratch Take(ref GemmScratch? own, int floats)
    {
        GemmScratch? scratch = own;
        own = null;
        if (scratch is not null && scratch.Capacity >= floats)
            return scratch;
        if (scratch is not null)
            GemmScratch.Return(scratch);
        return GemmScratch.Rent(floats);
    }

    private static void Give(ref GemmScratch? own, GemmScratch scratch)
    {
        if (own is null)
            own = scratch;
        else
            GemmScratch.Return(scratch);
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
