using Ebm.LinearAlgebra;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Tests.LinearAlgebra;

public class GemmTests
{
    /// <summary>One random GEMM: shapes, flags, coefficients, data, and how the operands sit in memory.</summary>
    public sealed record GemmCase(int M, int N, int K, Transpose TransA, Transpose TransB, float Alpha, float Beta,
        float ScaleA, float ScaleB, float ScaleC, int PadA, int PadB, int PadC, int Threads, int Seed)
    {
        // Stored shapes: A is m×k or k×m, B is k×n or n×k.
        public int RowsA => TransA == Transpose.No ? M : K;
        public int ColsA => TransA == Transpose.No ? K : M;
        public int RowsB => TransB == Transpose.No ? K : N;
        public int ColsB => TransB == Transpose.No ? N : K;

        /// <summary>With no padding the tight overloads are called; otherwise the leading-dimension ones.</summary>
        public bool Strided => PadA + PadB + PadC > 0;
    }

    private static readonly Gen<GemmCase> CaseGen =
        from m in BlasTestData.Dimension(130)
        from n in BlasTestData.Dimension(130)
        from k in BlasTestData.Dimension(130)
        from ta in BlasTestData.Transposition
        from tb in BlasTestData.Transposition
        from alpha in BlasTestData.Coefficient
        from beta in BlasTestData.Coefficient
        from sa in BlasTestData.Scale
        from sb in BlasTestData.Scale
        from sc in BlasTestData.Scale
        from strided in Gen.Elements(false, true)
        from pads in Gen.Choose(0, 5).Three()
        from threads in Gen.Elements(-1, 1, 2)
        from seed in Gen.Choose(0, int.MaxValue)
        select strided
            ? new GemmCase(m, n, k, ta, tb, alpha, beta, sa, sb, sc, pads.Item1, pads.Item2, pads.Item3 + 1, threads, seed)
            : new GemmCase(m, n, k, ta, tb, alpha, beta, sa, sb, sc, 0, 0, 0, threads, seed);

    [Fact]
    public void EveryPathMatchesTheScalarProductWithinRoundingError()
    {
        Prop.ForAll(CaseGen.ToArbitrary(), CheckCase)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    private static void CheckCase(GemmCase t)
    {
        var random = new Random(t.Seed);
        // The strided overloads need ld ≥ 1 even for an empty row; the tight ones imply ld = columns.
        int lda = t.Strided ? Math.Max(1, t.ColsA + t.PadA) : t.ColsA;
        int ldb = t.Strided ? Math.Max(1, t.ColsB + t.PadB) : t.ColsB;
        int ldc = t.Strided ? Math.Max(1, t.N + t.PadC) : t.N;
        // Padding holds NaN: a kernel that reads or writes outside the m×n block shows up at once.
        float[] a = Embed(BlasTestData.Uniform(random, (long)t.RowsA * t.ColsA, t.ScaleA), t.RowsA, t.ColsA, lda);
        float[] b = Embed(BlasTestData.Uniform(random, (long)t.RowsB * t.ColsB, t.ScaleB), t.RowsB, t.ColsB, ldb);
        float[] c0 = Embed(BlasTestData.Uniform(random, (long)t.M * t.N, t.ScaleC), t.M, t.N, ldc);

        var expected = (float[])c0.Clone();
        Blas.GemmScalar(t.TransA, t.TransB, t.M, t.N, t.K, t.Alpha, a, lda, b, ldb, t.Beta, expected, ldc);

        BlasTestData.ForEachWidth(width =>
        {
            var c = (float[])c0.Clone();
            if (t.Strided)
                Blas.Gemm(t.TransA, t.TransB, t.M, t.N, t.K, t.Alpha, a, lda, b, ldb, t.Beta, c, ldc, t.Threads);
            else
                Blas.Gemm(t.TransA, t.TransB, t.M, t.N, t.K, t.Alpha, a, b, t.Beta, c, t.Threads);

            for (int i = 0; i < t.M; i++)
            {
                for (int j = 0; j < t.N; j++)
                {
                    double sumAbs = 0;
                    for (int p = 0; p < t.K; p++)
                    {
                        float aip = t.TransA == Transpose.No ? a[i * lda + p] : a[p * lda + i];
                        float bpj = t.TransB == Transpose.No ? b[p * ldb + j] : b[j * ldb + p];
                        sumAbs += Math.Abs((double)aip * bpj);
                    }
                    double tol = BlasTestData.Tolerance(t.K, Math.Abs(t.Alpha), sumAbs, Math.Abs((double)t.Beta * c0[i * ldc + j]));
                    float got = c[i * ldc + j], want = expected[i * ldc + j];
                    if (!(Math.Abs((double)got - want) <= tol))
                        Assert.Fail($"{width}: C[{i},{j}] = {got}, scalar {want}, tolerance {tol:E3} in {t}");
                }
            }
            for (int i = 0; i < c.Length; i++)
            {
                if (IsPadding(i, t.M, t.N, ldc))
                    Assert.True(float.IsNaN(c[i]), $"{width}: padding of C at {i} was written ({c[i]}) in {t}");
            }
        });
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-2.5f)]
    public void EmptyInnerDimensionScalesC(float beta)
    {
        const int m = 7, n = 37;
        float[] c0 = BlasTestData.Uniform(new Random(1), m * n, 1f);
        BlasTestData.ForEachWidth(width =>
        {
            float[] c = beta == 0f ? Filled(m * n, float.NaN) : (float[])c0.Clone();
            Blas.Gemm(Transpose.No, Transpose.No, m, n, 0, 1.5f, [], [], beta, c);
            for (int i = 0; i < c.Length; i++)
                Assert.Equal(beta == 0f ? 0f : beta * c0[i], c[i]);
        });
    }

    [Theory]
    [InlineData(0, 5, 3)]
    [InlineData(5, 0, 3)]
    [InlineData(0, 0, 0)]
    public void EmptyResultIsANoOp(int m, int n, int k)
    {
        BlasTestData.ForEachWidth(width =>
        {
            float[] a = Filled(m * k, 1f), b = Filled(k * n, 1f);
            Blas.Gemm(Transpose.No, Transpose.Yes, m, n, k, 1f, a, b, 0f, Span<float>.Empty);
        });
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(12, 32, 8)]
    [InlineData(37, 53, 300)]
    [InlineData(130, 70, 600)]
    [InlineData(40, 33, 2 * GemmDriver.KC + 5)]
    public void ZeroBetaOverwritesNaN(int m, int n, int k)
    {
        var random = new Random(m * 1000 + n);
        float[] a = BlasTestData.Uniform(random, m * k, 1f), b = BlasTestData.Uniform(random, k * n, 1f);
        BlasTestData.ForEachWidth(width =>
        {
            foreach (int threads in new[] { 1, -1 })
            {
                float[] c = Filled(m * n, float.NaN);
                Blas.Gemm(Transpose.No, Transpose.No, m, n, k, 1f, a, b, 0f, c, threads);
                Assert.DoesNotContain(c, float.IsNaN);
            }
        });
    }

    [Fact]
    public void ZeroAlphaReadsNeitherAnorB()
    {
        const int m = 20, n = 40, k = 30;
        float[] a = Filled(m * k, float.NaN), b = Filled(k * n, float.PositiveInfinity);
        float[] c0 = BlasTestData.Uniform(new Random(3), m * n, 1f);
        BlasTestData.ForEachWidth(width =>
        {
            float[] c = (float[])c0.Clone();
            Blas.Gemm(Transpose.No, Transpose.No, m, n, k, 0f, a, b, 2f, c);
            for (int i = 0; i < c.Length; i++)
                Assert.Equal(2f * c0[i], c[i]);
        });
    }

    [Theory]
    [InlineData("a", 5 * 4 + 1, 4 * 6, 5 * 6, 21, 20)]
    [InlineData("b", 5 * 4, 4 * 6 - 1, 5 * 6, 23, 24)]
    [InlineData("c", 5 * 4, 4 * 6, 5 * 6 + 7, 37, 30)]
    public void LengthMismatchNamesBothLengths(string name, int lengthA, int lengthB, int lengthC, int actual, int needed)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Blas.Gemm(Transpose.No, Transpose.No, 5, 6, 4, 1f, new float[lengthA], new float[lengthB], 0f, new float[lengthC]));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains(actual.ToString(), ex.Message);
        Assert.Contains(needed.ToString(), ex.Message);
    }

    [Fact]
    public void ShortStridedOperandNamesBothLengths()
    {
        // A is 5×4 inside rows of 10: the last row starts at 40, so 44 elements are needed.
        var ex = Assert.Throws<ArgumentException>(() =>
            Blas.Gemm(Transpose.No, Transpose.No, 5, 6, 4, 1f, new float[43], 10, new float[24], 6, 0f, new float[30], 6));
        Assert.Equal("a", ex.ParamName);
        Assert.Contains("43", ex.Message);
        Assert.Contains("44", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Blas.Gemm(Transpose.No, Transpose.No, 5, 6, 4, 1f, new float[20], 3, new float[24], 6, 0f, new float[30], 6));
    }

    [Fact]
    public void InvalidDegreeOfParallelismIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Blas.Gemm(Transpose.No, Transpose.No, 1, 1, 1, 1f, new float[1], new float[1], 0f, new float[1], 0));
    }

    /// <summary>The RBM's shape, far past every block size, against a double-precision product.</summary>
    [Theory]
    [InlineData(Transpose.No, Transpose.No)]
    [InlineData(Transpose.Yes, Transpose.Yes)]
    public void LargeProductMatchesDoublePrecisionOnSampledEntries(Transpose transA, Transpose transB)
    {
        const int m = 512, n = 500, k = 784;
        var random = new Random(42);
        float[] a = BlasTestData.Uniform(random, m * k, 1f), b = BlasTestData.Uniform(random, k * n, 1f);
        float[] c0 = BlasTestData.Uniform(random, m * n, 1f);
        const float alpha = 0.75f, beta = -0.5f;
        var samples = Enumerable.Range(0, 3000).Select(_ => (I: random.Next(m), J: random.Next(n)))
            .Concat([(0, 0), (m - 1, n - 1), (m - 1, 0), (0, n - 1)]).ToArray();

        foreach (VectorWidth width in Blas.SupportedWidths.Where(w => w != VectorWidth.Scalar))
        {
            float[] c = (float[])c0.Clone();
            using (Simd.Force(width))
                Blas.Gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
            foreach (var (i, j) in samples)
            {
                double sum = 0, sumAbs = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = (double)(transA == Transpose.No ? a[i * k + p] : a[p * m + i])
                        * (transB == Transpose.No ? b[p * n + j] : b[j * k + p]);
                    sum += term;
                    sumAbs += Math.Abs(term);
                }
                double exact = alpha * sum + beta * (double)c0[i * n + j];
                // Half the symmetric bound: only one side is rounded here, the reference is exact enough.
                double tol = BlasTestData.Tolerance(k, alpha, sumAbs, Math.Abs(beta * c0[i * n + j])) / 2;
                Assert.True(Math.Abs(c[i * n + j] - exact) <= tol,
                    $"{width}: C[{i},{j}] = {c[i * n + j]}, exact {exact}, tolerance {tol:E3}");
            }
        }
    }

    /// <summary>
    /// k past the slice depth, so that later slices add to C what the first wrote (β applied once),
    /// with a remainder slice, every transposition, and β = 0 over NaN.
    /// </summary>
    [Theory]
    [InlineData(Transpose.No, Transpose.No, 0.5f)]
    [InlineData(Transpose.Yes, Transpose.No, 0f)]
    [InlineData(Transpose.No, Transpose.Yes, -1f)]
    [InlineData(Transpose.Yes, Transpose.Yes, 1f)]
    public void DeepProductAccumulatesAcrossKSlices(Transpose transA, Transpose transB, float beta)
    {
        const int m = 29, n = 45;
        const int k = 2 * GemmDriver.KC + 37;
        var random = new Random(13);
        float[] a = BlasTestData.Uniform(random, m * k, 1f), b = BlasTestData.Uniform(random, k * n, 1f);
        float[] c0 = beta == 0f ? Filled(m * n, float.NaN) : BlasTestData.Uniform(random, m * n, 1f);
        foreach (VectorWidth width in Blas.SupportedWidths.Where(w => w != VectorWidth.Scalar))
        {
            float[] c = (float[])c0.Clone();
            using (Simd.Force(width))
                Blas.Gemm(transA, transB, m, n, k, 2f, a, b, beta, c);
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = 0, sumAbs = 0;
                    for (int p = 0; p < k; p++)
                    {
                        double term = (double)(transA == Transpose.No ? a[i * k + p] : a[p * m + i])
                            * (transB == Transpose.No ? b[p * n + j] : b[j * k + p]);
                        sum += term;
                        sumAbs += Math.Abs(term);
                    }
                    double betaC = beta == 0f ? 0 : beta * (double)c0[i * n + j];
                    double exact = 2.0 * sum + betaC;
                    double tol = BlasTestData.Tolerance(k, 2, sumAbs, Math.Abs(betaC)) / 2;
                    Assert.True(Math.Abs(c[i * n + j] - exact) <= tol,
                        $"{width}: C[{i},{j}] = {c[i * n + j]}, exact {exact}, tolerance {tol:E3}");
                }
            }
        }
    }

    /// <summary>
    /// Guaranteed: the thread count does not change a single bit, because each element is summed in the same
    /// order whoever computes it. The vector widths share that order too (one fused multiply-add per step of
    /// k, the same k slices), so they agree bit for bit as well.
    /// </summary>
    [Theory]
    [InlineData(512, 500, 784, Transpose.No, Transpose.No)]
    [InlineData(301, 77, 555, Transpose.Yes, Transpose.No)]
    [InlineData(9, 1000, 300, Transpose.No, Transpose.Yes)]
    [InlineData(200, 3000, GemmDriver.KC + 100, Transpose.No, Transpose.No)]
    public void ParallelResultIsBitIdenticalToSerial(int m, int n, int k, Transpose transA, Transpose transB)
    {
        var random = new Random(7);
        float[] a = BlasTestData.Uniform(random, m * k, 1f), b = BlasTestData.Uniform(random, k * n, 1f);
        float[] c0 = BlasTestData.Uniform(random, m * n, 1f);
        float[]? previousWidth = null;
        foreach (VectorWidth width in Blas.SupportedWidths.Where(w => w != VectorWidth.Scalar))
        {
            using var scope = Simd.Force(width);
            float[] serial = (float[])c0.Clone();
            Blas.Gemm(transA, transB, m, n, k, 1.25f, a, b, 0.5f, serial, 1);
            foreach (int threads in new[] { 2, 3, -1 })
            {
                float[] parallel = (float[])c0.Clone();
                Blas.Gemm(transA, transB, m, n, k, 1.25f, a, b, 0.5f, parallel, threads);
                Assert.True(serial.AsSpan().SequenceEqual(parallel), $"{width}, {threads} threads differ from 1 thread");
            }
            if (previousWidth is not null)
                Assert.True(serial.AsSpan().SequenceEqual(previousWidth), $"{width} differs from the wider path");
            previousWidth = serial;
        }
    }

    [Fact]
    public void ConcurrentCallersGetTheirOwnScratch()
    {
        // Many GEMMs at once from pool threads: pooled packing buffers must never be shared.
        const int m = 64, n = 96, k = 300;
        var random = new Random(11);
        float[][] a = Enumerable.Range(0, 8).Select(_ => BlasTestData.Uniform(random, m * k, 1f)).ToArray();
        float[] b = BlasTestData.Uniform(random, k * n, 1f);
        float[][] expected = a.Select(ai =>
        {
            var c = new float[m * n];
            Blas.Gemm(Transpose.No, Transpose.No, m, n, k, 1f, ai, b, 0f, c, 1);
            return c;
        }).ToArray();
        Parallel.For(0, 64, i =>
        {
            var c = new float[m * n];
            Blas.Gemm(Transpose.No, Transpose.No, m, n, k, 1f, a[i % 8], b, 0f, c);
            Assert.True(c.AsSpan().SequenceEqual(expected[i % 8]));
        });
    }

    private static float[] Filled(int length, float value)
    {
        var values = new float[length];
        Array.Fill(values, value);
        return values;
    }

    /// <summary>Rows of <paramref name="dense"/> at a stride of ld, NaN in between (and none after the last row).</summary>
    private static float[] Embed(float[] dense, int rows, int cols, int ld)
    {
        if (ld == cols)
            return dense;
        var strided = Filled(rows == 0 ? 0 : (rows - 1) * ld + cols, float.NaN);
        for (int i = 0; i < rows; i++)
            Array.Copy(dense, i * cols, strided, i * ld, cols);
        return strided;
    }

    private static bool IsPadding(int index, int rows, int cols, int ld) => ld > cols && index % ld >= cols;
}
