namespace Ebm.Dsl;

public static partial class Ops
{
    /// <summary>Σᵢ xᵢ.</summary>
    public static Scalar Sum(Vec x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
            sum += x[i];
        return sum;
    }

    /// <summary>Σᵢⱼ mᵢⱼ.</summary>
    public static Scalar Sum(Mat m)
    {
        double sum = 0;
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Cols; j++)
                sum += m[i, j];
        return sum;
    }

    /// <summary>Σᵢ aᵢ bᵢ.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Scalar Dot(Vec a, Vec b)
    {
        Shapes.SameLength("Dot", a, b);
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The squared L2 norm Σᵢ xᵢ².</summary>
    public static Scalar Norm2(Vec x) => Dot(x, x);

    /// <summary>The squared Frobenius norm Σᵢⱼ mᵢⱼ².</summary>
    public static Scalar Norm2(Mat m) => Sum(m * m);

    /// <summary>
    /// log Σᵢ e^{xᵢ}, computed as m + log Σᵢ e^{xᵢ − m} with m = max x so that it neither overflows nor
    /// underflows; −∞ for an empty vector or one of all −∞, +∞ if an entry is +∞, NaN if one is NaN.
    /// </summary>
    public static Scalar LogSumExp(Vec x)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < x.Length; i++)
            max = Math.Max(max, x[i]);
        if (double.IsNaN(max) || double.IsInfinity(max))
            return max;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
            sum += Math.Exp(x[i] - max);
        return max + Math.Log(sum);
    }

    /// <summary>The row sums: result[i] = Σⱼ mᵢⱼ, one entry per row.</summary>
    public static Vec RowSum(Mat m)
    {
        var result = new double[m.Rows];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Cols; j++)
                result[i] += m[i, j];
        return Vec.Own(result);
    }

    /// <summary>The column sums: result[j] = Σᵢ mᵢⱼ, one entry per column.</summary>
    public static Vec ColSum(Mat m)
    {
        var result = new double[m.Cols];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Cols; j++)
                result[j] += m[i, j];
        return Vec.Own(result);
    }
}
