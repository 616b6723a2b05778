namespace Ebm.LinearAlgebra;

/// <summary>Dense linear algebra on row-major single-precision matrices.</summary>
public static partial class Blas
{
    // Multiply-adds each thread must get (about 3 µs on one Zen 5 core) before another thread is used:
    // two threads measured 1.5 times as fast as one at 128³ and 1.9 times from 192³.
    private const long ParallelMinimumWork = 1L << 19;

    /// <summary>
    /// C ← α·op(A)·op(B) + β·C for row-major matrices, where op(A) is m×k and op(B) is k×n.
    /// With β = 0, C is overwritten (NaN in C is not propagated), as in reference BLAS.
    /// Uses every core when the product is large enough to gain from it.
    /// </summary>
    /// <param name="transA">Whether A is stored as k×m (transposed) rather than m×k.</param>
    /// <param name="transB">Whether B is stored as n×k (transposed) rather than k×n.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product. With α = 0 (or k = 0) A and B are not read: C ← β·C.</param>
    /// <param name="a">A, tightly packed row-major.</param>
    /// <param name="b">B, tightly packed row-major.</param>
    /// <param name="beta">Scale of the existing C.</param>
    /// <param name="c">C (m×n), tightly packed row-major.</param>
    /// <remarks>
    /// The result does not depend on the number of threads used: parallel and serial calls return the
    /// same bits. C must not overlap A or B. Safe to call from several threads at once.
    /// </remarks>
    /// <exception cref="ArgumentException">A span's length is not the one its shape needs.</exception>
    public static void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c)
        => Gemm(transA, transB, m, n, k, alpha, a, b, beta, c, -1);

    /// <summary>
    /// C ← α·op(A)·op(B) + β·C for tightly packed row-major matrices, on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    /// <param name="transA">Whether A is stored as k×m (transposed) rather than m×k.</param>
    /// <param name="transB">Whether B is stored as n×k (transposed) rather than k×n.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product. With α = 0 (or k = 0) A and B are not read: C ← β·C.</param>
    /// <param name="a">A, tightly packed row-major.</param>
    /// <param name="b">B, tightly packed row-major.</param>
    /// <param name="beta">Scale of the existing C; with β = 0, C is overwritten without being read.</param>
    /// <param name="c">C (m×n), tightly packed row-major.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use; 1 runs on the calling thread only,
    /// -1 allows every core.</param>
    /// <exception cref="ArgumentException">A span's length is not the one its shape needs.</exception>
    public static void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c,
        int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        RequireLength(a, (long)m * k, nameof(a));
        RequireLength(b, (long)k * n, nameof(b));
        RequireLength(c, (long)m * n, nameof(c));
        int threads = Threads(maxDegreeOfParallelism);
        GemmCore(transA, transB, m, n, k, alpha, a, transA == Transpose.No ? k : m,
            b, transB == Transpose.No ? n : k, beta, c, n, threads);
    }

    /// <summary>
    /// C ← α·op(A)·op(B) + β·C with leading dimensions, as in BLAS: row i of a stored matrix starts at
    /// element i·ld, so any of the three may be a block of a larger row-major matrix. The elements of C
    /// must not be elements of A or B.
    /// </summary>
    /// <param name="transA">Whether A is stored as k×m (transposed) rather than m×k.</param>
    /// <param name="transB">Whether B is stored as n×k (transposed) rather than k×n.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product. With α = 0 (or k = 0) A and B are not read: C ← β·C.</param>
    /// <param name="a">A, starting at its first element.</param>
    /// <param name="lda">Distance between rows of A as stored; at least its stored row length.</param>
    /// <param name="b">B, starting at its first element.</param>
    /// <param name="ldb">Distance between rows of B as stored; at least its stored row length.</param>
    /// <param name="beta">Scale of the existing C; with β = 0, C is overwritten without being read.</param>
    /// <param name="c">C, starting at its first element.</param>
    /// <param name="ldc">Distance between rows of C; at least n.</param>
    /// <exception cref="ArgumentException">A span is shorter than its shape and leading dimension need.</exception>
    public static void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
        => Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, -1);

    /// <summary>
    /// C ← α·op(A)·op(B) + β·C with leading dimensions, on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    /// <param name="transA">Whether A is stored as k×m (transposed) rather than m×k.</param>
    /// <param name="transB">Whether B is stored as n×k (transposed) rather than k×n.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product. With α = 0 (or k = 0) A and B are not read: C ← β·C.</param>
    /// <param name="a">A, starting at its first element.</param>
    /// <param name="lda">Distance between rows of A as stored; at least its stored row length.</param>
    /// <param name="b">B, starting at its first element.</param>
    /// <param name="ldb">Distance between rows of B as stored; at least its stored row length.</param>
    /// <param name="beta">Scale of the existing C; with β = 0, C is overwritten without being read.</param>
    /// <param name="c">C, starting at its first element.</param>
    /// <param name="ldc">Distance between rows of C; at least n.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use; 1 runs on the calling thread only,
    /// -1 allows every core.</param>
    /// <exception cref="ArgumentException">A span is shorter than its shape and leading dimension need.</exception>
    public static void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc, int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        RequireStrided(a, transA == Transpose.No ? m : k, transA == Transpose.No ? k : m, lda, nameof(a), nameof(lda));
        RequireStrided(b, transB == Transpose.No ? k : n, transB == Transpose.No ? n : k, ldb, nameof(b), nameof(ldb));
        RequireStrided(c, m, n, ldc, nameof(c), nameof(ldc));
        int threads = Threads(maxDegreeOfParallelism);
        GemmCore(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads);
    }

    private static unsafe void GemmCore(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc, int threads)
    {
        if (m == 0 || n == 0)
            return;
        if (alpha == 0f || k == 0)
        {
            ScaleRows(c, m, n, ldc, beta);
            return;
        }

        VectorWidth width = Simd.FusedMultiplyAddWidth;
        if (width == VectorWidth.Scalar)
        {
            GemmScalar(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        threads = (int)Math.Clamp((long)m * n * k / ParallelMinimumWork, 1, threads);
        bool ta = transA == Transpose.Yes, tb = transB == Transpose.Yes;
        fixed (float* pa = a, pb = b, pc = c)
        {
            switch (width)
            {
                case VectorWidth.Bits512:
                    GemmDriver.Run<GemmKernel512>(ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, threads);
                    break;
                case VectorWidth.Bits256:
                    GemmDriver.Run<GemmKernel256>(ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, threads);
                    break;
                default:
                    GemmDriver.Run<GemmKernel128>(ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, threads);
                    break;
            }
        }
    }

    /// <summary>The reference triple loop: the fallback path and the oracle of the tests.</summary>
    internal static void GemmScalar(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c)
        => GemmScalar(transA, transB, m, n, k, alpha, a, transA == Transpose.No ? k : m,
            b, transB == Transpose.No ? n : k, beta, c, n);

    /// <summary>The reference triple loop with leading dimensions.</summary>
    internal static void GemmScalar(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    float aip = transA == Transpose.No ? a[i * lda + p] : a[p * lda + i];
                    float bpj = transB == Transpose.No ? b[p * ldb + j] : b[j * ldb + p];
                    sum += aip * bpj;
                }
                ref float cij = ref c[i * ldc + j];
                cij = beta == 0f ? alpha * sum : alpha * sum + beta * cij;
            }
        }
    }

    /// <summary>C ← β·C over an m×n block; β = 0 writes zeros without reading, β = 1 touches nothing.</summary>
    private static void ScaleRows(Span<float> c, int m, int n, int ldc, float beta)
    {
        if (beta == 1f)
            return;
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            if (beta == 0f)
                row.Clear();
            else
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }

    private static int Threads(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                "Must be -1 (every core) or a positive thread count.");
        int cores = Environment.ProcessorCount;
        return maxDegreeOfParallelism == -1 ? cores : Math.Min(maxDegreeOfParallelism, cores);
    }

    private static void RequireLength(ReadOnlySpan<float> span, long required, string name)
    {
        if (span.Length != required)
            throw new ArgumentException($"{name} has length {span.Length} but the shape needs {required}.", name);
    }

    private static void RequireStrided(ReadOnlySpan<float> span, int rows, int cols, int ld, string name, string ldName)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException(ldName, ld, $"{ldName} must be at least max(1, {cols}).");
        long required = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (span.Length < required)
            throw new ArgumentException(
                $"{name} has length {span.Length} but the shape with {ldName} = {ld} needs at least {required}.", name);
    }
}
