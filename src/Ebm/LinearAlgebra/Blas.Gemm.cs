namespace Ebm.LinearAlgebra;

/// <summary>Dense linear algebra on row-major single-precision matrices.</summary>
public static partial class Blas
{
    /// <summary>
    /// C ← α·op(A)·op(B) + β·C for row-major matrices, where op(A) is m×k and op(B) is k×n.
    /// With β = 0, C is overwritten (NaN in C is not propagated), as in reference BLAS.
    /// </summary>
    /// <param name="transA">Whether A is stored as k×m (transposed) rather than m×k.</param>
    /// <param name="transB">Whether B is stored as n×k (transposed) rather than k×n.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A, tightly packed row-major.</param>
    /// <param name="b">B, tightly packed row-major.</param>
    /// <param name="beta">Scale of the existing C.</param>
    /// <param name="c">C (m×n), tightly packed row-major.</param>
    public static void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        RequireLength(a, (long)m * k, nameof(a));
        RequireLength(b, (long)k * n, nameof(b));
        RequireLength(c, (long)m * n, nameof(c));
        GemmScalar(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    /// <summary>The reference triple loop: the fallback path and the oracle of the tests.</summary>
    internal static void GemmScalar(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    float aip = transA == Transpose.No ? a[i * k + p] : a[p * m + i];
                    float bpj = transB == Transpose.No ? b[p * n + j] : b[j * k + p];
                    sum += aip * bpj;
                }
                ref float cij = ref c[i * n + j];
                cij = beta == 0f ? alpha * sum : alpha * sum + beta * cij;
            }
        }
    }

    private static void RequireLength(ReadOnlySpan<float> span, long required, string name)
    {
        if (span.Length != required)
            throw new ArgumentException($"{name} has length {span.Length} but the shape needs {required}.", name);
    }
}
