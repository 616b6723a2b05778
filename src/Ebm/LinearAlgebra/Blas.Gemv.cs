using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ebm.LinearAlgebra;

public static partial class Blas
{
    /// <summary>
    /// y ← α·op(A)·x + β·y for a tightly packed row-major m×n matrix A, where op(A) is A (x has n elements,
    /// y has m) or Aᵀ (x has m elements, y has n). With β = 0, y is overwritten (NaN in y is not
    /// propagated), as in reference BLAS. x and y must not overlap.
    /// </summary>
    /// <param name="trans">Whether to multiply by Aᵀ rather than A.</param>
    /// <param name="m">Rows of A as stored.</param>
    /// <param name="n">Columns of A as stored.</param>
    /// <param name="alpha">Scale of the product. With α = 0 A and x are not read: y ← β·y.</param>
    /// <param name="a">A (m×n), tightly packed row-major.</param>
    /// <param name="x">The vector multiplied: n elements, or m with <see cref="Transpose.Yes"/>.</param>
    /// <param name="beta">Scale of the existing y; with β = 0, y is overwritten without being read.</param>
    /// <param name="y">The result: m elements, or n with <see cref="Transpose.Yes"/>.</param>
    /// <exception cref="ArgumentException">A span's length is not the one the shape needs.</exception>
    public static void Gemv(Transpose trans, int m, int n, float alpha, ReadOnlySpan<float> a,
        ReadOnlySpan<float> x, float beta, Span<float> y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        bool transposed = trans == Transpose.Yes;
        int inner = transposed ? m : n, outer = transposed ? n : m;
        RequireLength(a, (long)m * n, nameof(a));
        RequireLength(x, inner, nameof(x));
        RequireLength(y, outer, nameof(y));

        if (outer == 0)
            return;
        if (alpha == 0f || inner == 0)
        {
            ScaleRows(y, 1, outer, outer, beta);
            return;
        }
        switch (Simd.FusedMultiplyAddWidth)
        {
            case VectorWidth.Bits512:
                GemvVector<Simd512, Vector512<float>>(transposed, m, n, alpha, a, x, beta, y);
                break;
            case VectorWidth.Bits256:
                GemvVector<Simd256, Vector256<float>>(transposed, m, n, alpha, a, x, beta, y);
                break;
            case VectorWidth.Bits128:
                GemvVector<Simd128, Vector128<float>>(transposed, m, n, alpha, a, x, beta, y);
                break;
            default:
                GemvScalar(trans, m, n, alpha, a, x, beta, y);
                break;
        }
    }

    /// <summary>The reference loop: the fallback path and the oracle of the tests.</summary>
    internal static void GemvScalar(Transpose trans, int m, int n, float alpha, ReadOnlySpan<float> a,
        ReadOnlySpan<float> x, float beta, Span<float> y)
    {
        bool transposed = trans == Transpose.Yes;
        int inner = transposed ? m : n, outer = transposed ? n : m;
        for (int i = 0; i < outer; i++)
        {
            float sum = 0f;
            for (int p = 0; p < inner; p++)
                sum += (transposed ? a[p * n + i] : a[i * n + p]) * x[p];
            y[i] = beta == 0f ? alpha * sum : alpha * sum + beta * y[i];
        }
    }

    private static unsafe void GemvVector<TSimd, TVector>(bool transposed, int m, int n, float alpha,
        ReadOnlySpan<float> a, ReadOnlySpan<float> x, float beta, Span<float> y)
        where TSimd : struct, ISimdFloat<TVector>
        where TVector : struct
    {
        fixed (float* pa = a, px = x, py = y)
        {
            if (transposed)
                GemvTransposed<TSimd, TVector>(m, n, alpha, pa, px, beta, py);
            else
                GemvRows<TSimd, TVector>(m, n, alpha, pa, px, beta, py);
        }
    }

    /// <summary>y ← α·A·x + β·y: a dot product per row, four rows at a time so each load of x serves four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void GemvRows<TSimd, TVector>(int m, int n, float alpha, float* a, float* x, float beta, float* y)
        where TSimd : struct, ISimdFloat<TVector>
        where TVector : struct
    {
        int v = TSimd.Count;
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            float* r0 = a + (nint)i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            // Two accumulators per row: eight independent chains cover the latency of the fused multiply-add.
            TVector s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
            TVector t0 = TSimd.Zero, t1 = TSimd.Zero, t2 = TSimd.Zero, t3 = TSimd.Zero;
            int j = 0;
            for (; j + 2 * v <= n; j += 2 * v)
            {
                TVector xa = TSimd.Load(x + j), xb = TSimd.Load(x + j + v);
                s0 = TSimd.MultiplyAdd(TSimd.Load(r0 + j), xa, s0);
                s1 = TSimd.MultiplyAdd(TSimd.Load(r1 + j), xa, s1);
                s2 = TSimd.MultiplyAdd(TSimd.Load(r2 + j), xa, s2);
                s3 = TSimd.MultiplyAdd(TSimd.Load(r3 + j), xa, s3);
                t0 = TSimd.MultiplyAdd(TSimd.Load(r0 + j + v), xb, t0);
                t1 = TSimd.MultiplyAdd(TSimd.Load(r1 + j + v), xb, t1);
                t2 = TSimd.MultiplyAdd(TSimd.Load(r2 + j + v), xb, t2);
                t3 = TSimd.MultiplyAdd(TSimd.Load(r3 + j + v), xb, t3);
            }
            for (; j + v <= n; j += v)
            {
                TVector xa = TSimd.Load(x + j);
                s0 = TSimd.MultiplyAdd(TSimd.Load(r0 + j), xa, s0);
                s1 = TSimd.MultiplyAdd(TSimd.Load(r1 + j), xa, s1);
                s2 = TSimd.MultiplyAdd(TSimd.Load(r2 + j), xa, s2);
                s3 = TSimd.MultiplyAdd(TSimd.Load(r3 + j), xa, s3);
            }
            float d0 = TSimd.Sum(TSimd.Add(s0, t0)), d1 = TSimd.Sum(TSimd.Add(s1, t1));
            float d2 = TSimd.Sum(TSimd.Add(s2, t2)), d3 = TSimd.Sum(TSimd.Add(s3, t3));
            for (; j < n; j++)
            {
                float xj = x[j];
                d0 += r0[j] * xj;
                d1 += r1[j] * xj;
                d2 += r2[j] * xj;
                d3 += r3[j] * xj;
            }
            UpdateY(y + i, d0, alpha, beta);
            UpdateY(y + i + 1, d1, alpha, beta);
            UpdateY(y + i + 2, d2, alpha, beta);
            UpdateY(y + i + 3, d3, alpha, beta);
        }
        for (; i < m; i++)
        {
            float* r = a + (nint)i * n;
            TVector s = TSimd.Zero, t = TSimd.Zero;
            int j = 0;
            for (; j + 2 * v <= n; j += 2 * v)
            {
                s = TSimd.MultiplyAdd(TSimd.Load(r + j), TSimd.Load(x + j), s);
                t = TSimd.MultiplyAdd(TSimd.Load(r + j + v), TSimd.Load(x + j + v), t);
            }
            for (; j + v <= n; j += v)
                s = TSimd.MultiplyAdd(TSimd.Load(r + j), TSimd.Load(x + j), s);
            float d = TSimd.Sum(TSimd.Add(s, t));
            for (; j < n; j++)
                d += r[j] * x[j];
            UpdateY(y + i, d, alpha, beta);
        }
    }

    /// <summary>
    /// y ← α·Aᵀ·x + β·y as y ← β·y followed by y += (α·xᵢ)·Aᵢ over the rows: A is read once, in order,
    /// and four rows are folded into each load and store of y.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void GemvTransposed<TSimd, TVector>(int m, int n, float alpha, float* a, float* x, float beta, float* y)
        where TSimd : struct, ISimdFloat<TVector>
        where TVector : struct
    {
        ScaleRows(new Span<float>(y, n), 1, n, n, beta);
        int v = TSimd.Count;
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            float* r0 = a + (nint)i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            float x0 = alpha * x[i], x1 = alpha * x[i + 1], x2 = alpha * x[i + 2], x3 = alpha * x[i + 3];
            TVector w0 = TSimd.Broadcast(x0), w1 = TSimd.Broadcast(x1), w2 = TSimd.Broadcast(x2), w3 = TSimd.Broadcast(x3);
            int j = 0;
            for (; j + v <= n; j += v)
            {
                TVector acc = TSimd.Load(y + j);
                acc = TSimd.MultiplyAdd(TSimd.Load(r0 + j), w0, acc);
                acc = TSimd.MultiplyAdd(TSimd.Load(r1 + j), w1, acc);
                acc = TSimd.MultiplyAdd(TSimd.Load(r2 + j), w2, acc);
                acc = TSimd.MultiplyAdd(TSimd.Load(r3 + j), w3, acc);
                TSimd.Store(acc, y + j);
            }
            for (; j < n; j++)
                y[j] = MathF.FusedMultiplyAdd(r3[j], x3, MathF.FusedMultiplyAdd(r2[j], x2,
                    MathF.FusedMultiplyAdd(r1[j], x1, MathF.FusedMultiplyAdd(r0[j], x0, y[j]))));
        }
        for (; i < m; i++)
        {
            float* r = a + (nint)i * n;
            float xi = alpha * x[i];
            TVector w = TSimd.Broadcast(xi);
            int j = 0;
            for (; j + v <= n; j += v)
                TSimd.Store(TSimd.MultiplyAdd(TSimd.Load(r + j), w, TSimd.Load(y + j)), y + j);
            for (; j < n; j++)
                y[j] = MathF.FusedMultiplyAdd(r[j], xi, y[j]);
        }
    }

    private static unsafe void UpdateY(float* y, float dot, float alpha, float beta) =>
        *y = beta == 0f ? alpha * dot : alpha * dot + beta * *y;
}
