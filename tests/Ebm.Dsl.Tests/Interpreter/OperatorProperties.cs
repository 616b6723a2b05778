using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Interpreter;

/// <summary>The arithmetic of Scalar, Vec and Mat against the same formulas written as loops over arrays.</summary>
[Properties(Arbitrary = [typeof(DslArbitraries)], MaxTest = 200)]
public class OperatorProperties
{
    private static readonly (string Symbol, Func<double, double, double> F)[] Arithmetic =
        [("+", (x, y) => x + y), ("-", (x, y) => x - y), ("*", (x, y) => x * y), ("/", (x, y) => x / y)];

    private static Vec Apply(string symbol, Vec a, Vec b) => symbol switch { "+" => a + b, "-" => a - b, "*" => a * b, _ => a / b };

    private static Mat Apply(string symbol, Mat a, Mat b) => symbol switch { "+" => a + b, "-" => a - b, "*" => a * b, _ => a / b };

    private static Vec Apply(string symbol, Vec a, Scalar s) => symbol switch { "+" => a + s, "-" => a - s, "*" => a * s, _ => a / s };

    private static Vec Apply(string symbol, Scalar s, Vec a) => symbol switch { "+" => s + a, "-" => s - a, "*" => s * a, _ => s / a };

    private static Mat Apply(string symbol, Mat m, Scalar s) => symbol switch { "+" => m + s, "-" => m - s, "*" => m * s, _ => m / s };

    private static Mat Apply(string symbol, Scalar s, Mat m) => symbol switch { "+" => s + m, "-" => s - m, "*" => s * m, _ => s / m };

    private static double Apply(string symbol, Scalar a, Scalar b) =>
        (symbol switch { "+" => a + b, "-" => a - b, "*" => a * b, _ => a / b }).Value;

    [Property]
    public void Two_vectors_combine_entry_by_entry(Operands o)
    {
        foreach (var (symbol, f) in Arithmetic)
        {
            var expected = new double[o.Cols];
            for (int i = 0; i < o.Cols; i++)
                expected[i] = f(o.A[i], o.B[i]);
            Close.Equal(expected, Apply(symbol, new Vec(o.A), new Vec(o.B)));
        }
    }

    [Property]
    public void Two_matrices_combine_entry_by_entry_and_star_is_not_the_matrix_product(Operands o)
    {
        foreach (var (symbol, f) in Arithmetic)
        {
            var expected = new double[o.Rows, o.Cols];
            for (int i = 0; i < o.Rows; i++)
                for (int j = 0; j < o.Cols; j++)
                    expected[i, j] = f(o.M[i, j], o.N[i, j]);
            Close.Equal(expected, Apply(symbol, new Mat(o.M), new Mat(o.N)));
        }
    }

    [Property]
    public void A_scalar_broadcasts_on_either_side(Operands o)
    {
        var s = new Scalar(o.S);
        foreach (var (symbol, f) in Arithmetic)
        {
            Close.Equal(f(o.S, o.A.FirstOrDefault()), Apply(symbol, s, new Scalar(o.A.FirstOrDefault())));
            Close.Equal(o.A.Select(x => f(x, o.S)).ToArray(), Apply(symbol, new Vec(o.A), s));
            Close.Equal(o.A.Select(x => f(o.S, x)).ToArray(), Apply(symbol, s, new Vec(o.A)));
            var right = new double[o.Rows, o.Cols];
            var left = new double[o.Rows, o.Cols];
            for (int i = 0; i < o.Rows; i++)
                for (int j = 0; j < o.Cols; j++)
                    (right[i, j], left[i, j]) = (f(o.M[i, j], o.S), f(o.S, o.M[i, j]));
            Close.Equal(right, Apply(symbol, new Mat(o.M), s));
            Close.Equal(left, Apply(symbol, s, new Mat(o.M)));
        }
    }

    [Property]
    public void A_vector_added_to_or_subtracted_from_a_matrix_applies_to_every_row(Operands o)
    {
        var sum = new double[o.Rows, o.Cols];
        var difference = new double[o.Rows, o.Cols];
        var reversed = new double[o.Rows, o.Cols];
        for (int i = 0; i < o.Rows; i++)
            for (int j = 0; j < o.Cols; j++)
            {
                sum[i, j] = o.M[i, j] + o.A[j];
                difference[i, j] = o.M[i, j] - o.A[j];
                reversed[i, j] = o.A[j] - o.M[i, j];
            }
        Mat m = new(o.M);
        Vec a = new(o.A);
        Close.Equal(sum, m + a);
        Close.Equal(sum, a + m);
        Close.Equal(difference, m - a);
        Close.Equal(reversed, a - m);
    }

    [Property]
    public void Mat_times_Vec_is_the_matrix_vector_product(Operands o)
    {
        var expected = new double[o.Rows];
        for (int i = 0; i < o.Rows; i++)
            for (int j = 0; j < o.Cols; j++)
                expected[i] += o.M[i, j] * o.A[j];
        Close.Equal(expected, new Mat(o.M) * new Vec(o.A));
    }

    [Property]
    public void Vec_times_Mat_is_the_vector_matrix_product(Operands o)
    {
        var expected = new double[o.Cols];
        for (int j = 0; j < o.Cols; j++)
            for (int i = 0; i < o.Rows; i++)
                expected[j] += o.C[i] * o.M[i, j];
        Close.Equal(expected, new Vec(o.C) * new Mat(o.M));
    }

    [Property]
    public void Unary_minus_negates_every_entry(Operands o)
    {
        Assert.Equal(-o.S, (-new Scalar(o.S)).Value);
        Close.Equal(o.A.Select(x => -x).ToArray(), -new Vec(o.A));
        var expected = new double[o.Rows, o.Cols];
        for (int i = 0; i < o.Rows; i++)
            for (int j = 0; j < o.Cols; j++)
                expected[i, j] = -o.M[i, j];
        Close.Equal(expected, -new Mat(o.M));
    }

    [Property]
    public void Values_are_copied_in_and_out(Operands o)
    {
        double[] a = (double[])o.A.Clone();
        double[,] m = (double[,])o.M.Clone();
        var vec = new Vec(a);
        var mat = new Mat(m);
        var rowMajor = new Mat(o.Rows, o.Cols, o.M.Cast<double>().ToArray());

        // Changing the caller's arrays, or the arrays handed out, changes nothing inside.
        Array.Fill(a, 42);
        Array.Clear(m);
        Array.Fill(vec.ToArray(), 42);
        Array.Clear(mat.ToArray());

        Assert.Equal(o.A, vec.ToArray());
        Assert.Equal(o.M, mat.ToArray());
        Assert.Equal(o.M, rowMajor.ToArray());
    }
}
