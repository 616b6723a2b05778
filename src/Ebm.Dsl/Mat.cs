using System.Globalization;

namespace Ebm.Dsl;

/// <summary>
/// A matrix in an energy expression. At run time it holds a row-major copy of its entries in double
/// precision. Between two matrices <c>+ - * /</c> are elementwise; a <see cref="Scalar"/> broadcasts;
/// a <see cref="Vec"/> added or subtracted broadcasts over the rows; <c>Mat * Vec</c> is the
/// matrix–vector product and <c>Vec * Mat</c> the vector–matrix product.
/// </summary>
public sealed class Mat
{
    private readonly double[] values;

    /// <summary>A matrix with a copy of the given entries.</summary>
    public Mat(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Rows = values.GetLength(0);
        Cols = values.GetLength(1);
        this.values = new double[Rows * Cols];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Cols; j++)
                this.values[i * Cols + j] = values[i, j];
    }

    /// <summary>A <paramref name="rows"/> × <paramref name="cols"/> matrix with a copy of entries given row after row.</summary>
    /// <exception cref="ArgumentException">The number of entries is not rows × cols, or a size is negative.</exception>
    public Mat(int rows, int cols, double[] rowMajor)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (rowMajor.Length != (long)rows * cols)
            throw new ArgumentException($"A {rows}x{cols} matrix needs {(long)rows * cols} entries, not {rowMajor.Length}.", nameof(rowMajor));
        Rows = rows;
        Cols = cols;
        values = (double[])rowMajor.Clone();
    }

    private Mat(int rows, int cols, double[] rowMajor, bool owned)
    {
        Rows = rows;
        Cols = cols;
        values = rowMajor;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Cols { get; }

    /// <summary>Entry (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public double this[int row, int col]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)col >= (uint)Cols)
                throw new IndexOutOfRangeException($"({row}, {col}) lies outside {Shapes.Of(this)}.");
            return values[row * Cols + col];
        }
    }

    /// <summary>A copy of the entries.</summary>
    public double[,] ToArray()
    {
        var result = new double[Rows, Cols];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Cols; j++)
                result[i, j] = values[i * Cols + j];
        return result;
    }

    /// <summary>The shape and the rows, e.g. <c>Mat[2x2] ((1, 0), (0, 1))</c>.</summary>
    public override string ToString()
    {
        var rows = Enumerable.Range(0, Rows).Select(i =>
            "(" + string.Join(", ", Enumerable.Range(0, Cols).Select(j => this[i, j].ToString("R", CultureInfo.InvariantCulture))) + ")");
        return $"{Shapes.Of(this)} ({string.Join(", ", rows)})";
    }

    internal static Mat Own(int rows, int cols, double[] rowMajor) => new(rows, cols, rowMajor, owned: true);

    internal Mat Map(Func<double, double> f)
    {
        var result = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
            result[k] = f(values[k]);
        return Own(Rows, Cols, result);
    }

    private static Mat Zip(string operation, Mat a, Mat b, Func<double, double, double> f)
    {
        Shapes.SameShape(operation, a, b);
        var result = new double[a.values.Length];
        for (int k = 0; k < result.Length; k++)
            result[k] = f(a.values[k], b.values[k]);
        return Own(a.Rows, a.Cols, result);
    }

    /// <summary>result[i, j] = f(m[i, j], v[j]): the vector is broadcast over the rows.</summary>
    private static Mat OverRows(string operation, Mat m, Vec v, Func<double, double, double> f)
    {
        Shapes.VectorMatchesColumns(operation, m, v);
        var result = new double[m.values.Length];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Cols; j++)
                result[i * m.Cols + j] = f(m[i, j], v[j]);
        return Own(m.Rows, m.Cols, result);
    }

    /// <summary>Elementwise a + b.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Mat operator +(Mat a, Mat b) => Zip("Mat + Mat", a, b, (x, y) => x + y);

    /// <summary>Elementwise a − b.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Mat operator -(Mat a, Mat b) => Zip("Mat - Mat", a, b, (x, y) => x - y);

    /// <summary>Elementwise (Hadamard) a · b; not the matrix product.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Mat operator *(Mat a, Mat b) => Zip("Mat * Mat", a, b, (x, y) => x * y);

    /// <summary>Elementwise a / b.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Mat operator /(Mat a, Mat b) => Zip("Mat / Mat", a, b, (x, y) => x / y);

    /// <summary>mᵢⱼ + s.</summary>
    public static Mat operator +(Mat m, Scalar s) => m.Map(x => x + s.Value);

    /// <summary>mᵢⱼ − s.</summary>
    public static Mat operator -(Mat m, Scalar s) => m.Map(x => x - s.Value);

    /// <summary>mᵢⱼ · s.</summary>
    public static Mat operator *(Mat m, Scalar s) => m.Map(x => x * s.Value);

    /// <summary>mᵢⱼ / s.</summary>
    public static Mat operator /(Mat m, Scalar s) => m.Map(x => x / s.Value);

    /// <summary>s + mᵢⱼ.</summary>
    public static Mat operator +(Scalar s, Mat m) => m.Map(x => s.Value + x);

    /// <summary>s − mᵢⱼ.</summary>
    public static Mat operator -(Scalar s, Mat m) => m.Map(x => s.Value - x);

    /// <summary>s · mᵢⱼ.</summary>
    public static Mat operator *(Scalar s, Mat m) => m.Map(x => s.Value * x);

    /// <summary>s / mᵢⱼ.</summary>
    public static Mat operator /(Scalar s, Mat m) => m.Map(x => s.Value / x);

    /// <summary>−mᵢⱼ.</summary>
    public static Mat operator -(Mat m) => m.Map(x => -x);

    /// <summary>mᵢⱼ + vⱼ: the vector is added to every row.</summary>
    /// <exception cref="ArgumentException">The vector's length is not the number of columns.</exception>
    public static Mat operator +(Mat m, Vec v) => OverRows("Mat + Vec", m, v, (x, y) => x + y);

    /// <summary>mᵢⱼ − vⱼ: the vector is subtracted from every row.</summary>
    /// <exception cref="ArgumentException">The vector's length is not the number of columns.</exception>
    public static Mat operator -(Mat m, Vec v) => OverRows("Mat - Vec", m, v, (x, y) => x - y);

    /// <summary>vⱼ + mᵢⱼ: the vector is added to every row.</summary>
    /// <exception cref="ArgumentException">The vector's length is not the number of columns.</exception>
    public static Mat operator +(Vec v, Mat m) => OverRows("Vec + Mat", m, v, (x, y) => y + x);

    /// <summary>vⱼ − mᵢⱼ: every row is subtracted from the vector.</summary>
    /// <exception cref="ArgumentException">The vector's length is not the number of columns.</exception>
    public static Mat operator -(Vec v, Mat m) => OverRows("Vec - Mat", m, v, (x, y) => y - x);

    /// <summary>The matrix–vector product: (m v)ᵢ = Σⱼ mᵢⱼ vⱼ.</summary>
    /// <exception cref="ArgumentException">The vector's length is not the number of columns.</exception>
    public static Vec operator *(Mat m, Vec v)
    {
        Shapes.VectorMatchesColumns("Mat * Vec", m, v);
        var result = new double[m.Rows];
        for (int i = 0; i < m.Rows; i++)
        {
            double sum = 0;
            for (int j = 0; j < m.Cols; j++)
                sum += m[i, j] * v[j];
            result[i] = sum;
        }
        return Vec.Own(result);
    }

    /// <summary>The vector–matrix product: (v m)ⱼ = Σᵢ vᵢ mᵢⱼ.</summary>
    /// <exception cref="ArgumentException">The vector's length is not the number of rows.</exception>
    public static Vec operator *(Vec v, Mat m)
    {
        Shapes.VectorMatchesRows("Vec * Mat", v, m);
        var result = new double[m.Cols];
        for (int j = 0; j < m.Cols; j++)
        {
            double sum = 0;
            for (int i = 0; i < m.Rows; i++)
                sum += v[i] * m[i, j];
            result[j] = sum;
        }
        return Vec.Own(result);
    }
}
