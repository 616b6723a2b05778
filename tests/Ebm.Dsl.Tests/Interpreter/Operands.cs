using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Dsl.Tests.Interpreter;

/// <summary>
/// Values of every shape that fit together for an r × c matrix: vectors along the columns (A, B) and
/// along the rows (C), two matrices (M, N) and a scalar S. Sizes include 0, where sums are empty.
/// </summary>
public sealed record Operands(int Rows, int Cols, double[] A, double[] B, double[] C, double[,] M, double[,] N, double S)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rows}x{Cols}: A={Show(A)} B={Show(B)} C={Show(C)} M={Show(M)} N={Show(N)} S={S:R}");

    private static string Show(double[] v) => "[" + string.Join(", ", v.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";

    private static string Show(double[,] m) =>
        "[" + string.Join("; ", Enumerable.Range(0, m.GetLength(0)).Select(i => Show(Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray()))) + "]";
}

/// <summary>
/// FsCheck's default doubles include NaN and ±∞, which no formula here is about; these draw finite
/// values in [−5, 5] instead, with exact zeros and small integers mixed in.
/// </summary>
public static class DslArbitraries
{
    public static Gen<double> Entry { get; } = Gen.Frequency(
        (8, Gen.Choose(-5_000_000, 5_000_000).Select(i => i / 1e6)),
        (2, Gen.Choose(-3, 3).Select(i => (double)i)));

    public static Gen<double[,]> Matrix(int rows, int cols) =>
        Gen.ArrayOf(Entry, rows * cols).Select(values =>
        {
            var m = new double[rows, cols];
            for (int k = 0; k < values.Length; k++)
                m[k / cols, k % cols] = values[k];
            return m;
        });

    public static Arbitrary<Operands> Operands() =>
        (from rows in Gen.Choose(0, 5)
         from cols in Gen.Choose(0, 5)
         from a in Gen.ArrayOf(Entry, cols)
         from b in Gen.ArrayOf(Entry, cols)
         from c in Gen.ArrayOf(Entry, rows)
         from m in Matrix(rows, cols)
         from n in Matrix(rows, cols)
         from s in Entry
         select new Operands(rows, cols, a, b, c, m, n, s)).ToArbitrary();
}
