using System.Globalization;

namespace Ebm.Dsl;

/// <summary>
/// A vector in an energy expression. At run time it holds a copy of its entries in double precision;
/// arithmetic between two vectors is elementwise and a <see cref="Scalar"/> broadcasts.
/// </summary>
public sealed class Vec
{
    private readonly double[] values;

    /// <summary>A vector with a copy of the given entries.</summary>
    public Vec(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = (double[])values.Clone();
    }

    private Vec(double[] values, bool owned) => this.values = values;

    /// <summary>The number of entries.</summary>
    public int Length => values.Length;

    /// <summary>Entry <paramref name="index"/>.</summary>
    public double this[int index] => values[index];

    /// <summary>A copy of the entries.</summary>
    public double[] ToArray() => (double[])values.Clone();

    /// <summary>The shape and the entries, e.g. <c>Vec[2] (1, 2.5)</c>.</summary>
    public override string ToString() =>
        $"{Shapes.Of(this)} ({string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))})";

    /// <summary>Takes ownership of a freshly computed array, so results are not copied twice.</summary>
    internal static Vec Own(double[] values) => new(values, owned: true);

    internal Vec Map(Func<double, double> f)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = f(values[i]);
        return Own(result);
    }

    internal static Vec Zip(string operation, Vec a, Vec b, Func<double, double, double> f)
    {
        Shapes.SameLength(operation, a, b);
        var result = new double[a.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = f(a[i], b[i]);
        return Own(result);
    }

    /// <summary>Elementwise a + b.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Vec operator +(Vec a, Vec b) => Zip("Vec + Vec", a, b, (x, y) => x + y);

    /// <summary>Elementwise a − b.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Vec operator -(Vec a, Vec b) => Zip("Vec - Vec", a, b, (x, y) => x - y);

    /// <summary>Elementwise (Hadamard) a · b.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Vec operator *(Vec a, Vec b) => Zip("Vec * Vec", a, b, (x, y) => x * y);

    /// <summary>Elementwise a / b.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Vec operator /(Vec a, Vec b) => Zip("Vec / Vec", a, b, (x, y) => x / y);

    /// <summary>aᵢ + s.</summary>
    public static Vec operator +(Vec a, Scalar s) => a.Map(x => x + s.Value);

    /// <summary>aᵢ − s.</summary>
    public static Vec operator -(Vec a, Scalar s) => a.Map(x => x - s.Value);

    /// <summary>aᵢ · s.</summary>
    public static Vec operator *(Vec a, Scalar s) => a.Map(x => x * s.Value);

    /// <summary>aᵢ / s.</summary>
    public static Vec operator /(Vec a, Scalar s) => a.Map(x => x / s.Value);

    /// <summary>s + aᵢ.</summary>
    public static Vec operator +(Scalar s, Vec a) => a.Map(x => s.Value + x);

    /// <summary>s − aᵢ.</summary>
    public static Vec operator -(Scalar s, Vec a) => a.Map(x => s.Value - x);

    /// <summary>s · aᵢ.</summary>
    public static Vec operator *(Scalar s, Vec a) => a.Map(x => s.Value * x);

    /// <summary>s / aᵢ.</summary>
    public static Vec operator /(Scalar s, Vec a) => a.Map(x => s.Value / x);

    /// <summary>−aᵢ.</summary>
    public static Vec operator -(Vec a) => a.Map(x => -x);
}
