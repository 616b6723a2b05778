using System.Globalization;

namespace Ebm.Dsl;

/// <summary>
/// A real number in an energy expression. At run time it holds a double, so a declaration evaluates
/// directly; numeric literals convert implicitly, which is what lets <c>2 * sigma</c> be written.
/// </summary>
public readonly struct Scalar
{
    /// <summary>Wraps a value.</summary>
    public Scalar(double value) => Value = value;

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <summary>Lets literals and doubles stand for scalars.</summary>
    public static implicit operator Scalar(double value) => new(value);

    /// <summary>Reads the value back; explicit so that DSL arithmetic never silently leaves the DSL.</summary>
    public static explicit operator double(Scalar scalar) => scalar.Value;

    /// <summary>a + b.</summary>
    public static Scalar operator +(Scalar a, Scalar b) => new(a.Value + b.Value);

    /// <summary>a − b.</summary>
    public static Scalar operator -(Scalar a, Scalar b) => new(a.Value - b.Value);

    /// <summary>a · b.</summary>
    public static Scalar operator *(Scalar a, Scalar b) => new(a.Value * b.Value);

    /// <summary>a / b.</summary>
    public static Scalar operator /(Scalar a, Scalar b) => new(a.Value / b.Value);

    /// <summary>−a.</summary>
    public static Scalar operator -(Scalar a) => new(-a.Value);

    /// <summary>The value, round-trippable, in the invariant culture.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
