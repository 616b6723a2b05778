using Ebm.LinearAlgebra;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Tests.LinearAlgebra;

public class GemvTests
{
    public sealed record GemvCase(int M, int N, Transpose Trans, float Alpha, float Beta,
        float ScaleA, float ScaleX, float ScaleY, int Seed)
    {
        public int Inner => Trans == Transpose.No ? N : M;
        public int Outer => Trans == Transpose.No ? M : N;
    }

    // Up to 300 columns so that every unrolled loop (two 512-bit vectors per step) and its tails run.
    private static readonly Gen<GemvCase> CaseGen =
        from m in BlasTestData.Dimension(300)
        from n in BlasTestData.Dimension(300)
        from trans in BlasTestData.Transposition
        from alpha in BlasTestData.Coefficient
        from beta in BlasTestData.Coefficient
        from sa in BlasTestData.Scale
        from sx in BlasTestData.Scale
        from sy in BlasTestData.Scale
        from seed in Gen.Choose(0, int.MaxValue)
        select new GemvCase(m, n, trans, alpha, beta, sa, sx, sy, seed);

    [Fact]
    public void EveryPathMatchesTheScalarProductWithinRoundingError()
    {
        Prop.ForAll(CaseGen.ToArbitrary(), CheckCase)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static void CheckCase(GemvCase t)
    {
        var random = new Random(t.Seed);
        float[] a = BlasTestData.Uniform(random, (long)t.M * t.N, t.ScaleA);
        float[] x = BlasTestData.Uniform(random, t.Inner, t.ScaleX);
        float[] y0 = BlasTestData.Uniform(random, t.Outer, t.ScaleY);
        var expected = (float[])y0.Clone();
        Blas.GemvScalar(t.Trans, t.M, t.N, t.Alpha, a, x, t.Beta, expected);

        BlasTestData.ForEachWidth(width =>
        {
            var y = (float[])y0.Clone();
            Blas.Gemv(t.Trans, t.M, t.N, t.Alpha, a, x, t.Beta, y);
            for (int i = 0; i < t.Outer; i++)
            {
                double sumAbs = 0;
                for (int p = 0; p < t.Inner; p++)
                    sumAbs += Math.Abs((double)(t.Trans == Transpose.No ? a[i * t.N + p] : a[p * t.N + i]) * x[p]);
                double tol = BlasTestData.Tolerance(t.Inner, Math.Abs(t.Alpha), sumAbs, Math.Abs((double)t.Beta * y0[i]));
                if (!(Math.Abs((double)y[i] - expected[i]) <= tol))
                    Assert.Fail($"{width}: y[{i}] = {y[i]}, scalar {expected[i]}, tolerance {tol:E3} in {t}");
            }
        });
    }

    [Theory]
    [InlineData(Transpose.No)]
    [InlineData(Transpose.Yes)]
    public void ZeroBetaOverwritesNaN(Transpose trans)
    {
        const int m = 67, n = 45;
        var random = new Random(5);
        float[] a = BlasTestData.Uniform(random, m * n, 1f);
        float[] x = BlasTestData.Uniform(random, trans == Transpose.No ? n : m, 1f);
        BlasTestData.ForEachWidth(width =>
        {
            var y = new float[trans == Transpose.No ? m : n];
            Array.Fill(y, float.NaN);
            Blas.Gemv(trans, m, n, 1f, a, x, 0f, y);
            Assert.DoesNotContain(y, float.IsNaN);
        });
    }

    [Theory]
    [InlineData(Transpose.No, 0f)]
    [InlineData(Transpose.Yes, 0f)]
    [InlineData(Transpose.No, 3f)]
    [InlineData(Transpose.Yes, 3f)]
    public void EmptyInnerDimensionOrZeroAlphaScalesY(Transpose trans, float beta)
    {
        // Inner dimension 0: x is empty. Zero α: A and x are NaN and must not be read.
        const int outer = 21;
        float[] y0 = BlasTestData.Uniform(new Random(9), outer, 1f);
        int m = trans == Transpose.No ? outer : 0, n = trans == Transpose.No ? 0 : outer;
        int m2 = trans == Transpose.No ? outer : 13, n2 = trans == Transpose.No ? 13 : outer;
        float[] nanA = Enumerable.Repeat(float.NaN, m2 * n2).ToArray(), nanX = Enumerable.Repeat(float.NaN, 13).ToArray();
        BlasTestData.ForEachWidth(width =>
        {
            var y = (float[])y0.Clone();
            Blas.Gemv(trans, m, n, 1f, [], [], beta, y);
            for (int i = 0; i < outer; i++)
                Assert.Equal(beta * y0[i], y[i]);
            y = (float[])y0.Clone();
            Blas.Gemv(trans, m2, n2, 0f, nanA, nanX, beta, y);
            for (int i = 0; i < outer; i++)
                Assert.Equal(beta * y0[i], y[i]);
        });
    }

    [Theory]
    [InlineData("a", 4 * 6 - 1, 6, 4, 23, 24)]
    [InlineData("x", 4 * 6, 4, 4, 4, 6)]
    [InlineData("y", 4 * 6, 6, 6, 6, 4)]
    public void LengthMismatchNamesBothLengths(string name, int lengthA, int lengthX, int lengthY, int actual, int needed)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Blas.Gemv(Transpose.No, 4, 6, 1f, new float[lengthA], new float[lengthX], 0f, new float[lengthY]));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains(actual.ToString(), ex.Message);
        Assert.Contains(needed.ToString(), ex.Message);
    }

    [Fact]
    public void TransposedLengthsFollowTheTransposedShape()
    {
        // Aᵀ of a 4×6 A takes 4 elements and gives 6.
        Blas.Gemv(Transpose.Yes, 4, 6, 1f, new float[24], new float[4], 0f, new float[6]);
        Assert.Throws<ArgumentException>(() =>
            Blas.Gemv(Transpose.Yes, 4, 6, 1f, new float[24], new float[6], 0f, new float[4]));
    }

    [Fact]
    public void LargeProductMatchesDoublePrecision()
    {
        const int m = 500, n = 784;
        var random = new Random(21);
        float[] a = BlasTestData.Uniform(random, m * n, 1f);
        foreach (Transpose trans in new[] { Transpose.No, Transpose.Yes })
        {
            int inner = trans == Transpose.No ? n : m, outer = trans == Transpose.No ? m : n;
            float[] x = BlasTestData.Uniform(random, inner, 1f), y0 = BlasTestData.Uniform(random, outer, 1f);
            BlasTestData.ForEachWidth(width =>
            {
                var y = (float[])y0.Clone();
                Blas.Gemv(trans, m, n, -0.5f, a, x, 2f, y);
                for (int i = 0; i < outer; i++)
                {
                    double sum = 0, sumAbs = 0;
                    for (int p = 0; p < inner; p++)
                    {
                        double term = (double)(trans == Transpose.No ? a[i * n + p] : a[p * n + i]) * x[p];
                        sum += term;
                        sumAbs += Math.Abs(term);
                    }
                    double exact = -0.5 * sum + 2.0 * y0[i];
                    double tol = BlasTestData.Tolerance(inner, 0.5, sumAbs, Math.Abs(2.0 * y0[i])) / 2;
                    Assert.True(Math.Abs(y[i] - exact) <= tol, $"{width} {trans}: y[{i}] = {y[i]}, exact {exact}, tolerance {tol:E3}");
                }
            });
        }
    }
}
