using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Tests.Numerics;

/// <summary>A non-empty vector of finite floats, spread over magnitudes from 1e-3 to 1e30.</summary>
public sealed record FiniteVector(float[] Values)
{
    public override string ToString() => $"[{string.Join(", ", Values.Select(v => v.ToString("R")))}]";
}

/// <summary>Entries and a shift on one grid k·2^e (|k| ≤ 2^20), so every difference is exact in float.</summary>
public sealed record GridVector(float[] Values, float Shift)
{
    public override string ToString() => $"[{string.Join(", ", Values.Select(v => v.ToString("R")))}] shifted by {Shift:R}";
}

/// <summary>A positive temperature between 1e-2 and 1e2.</summary>
public sealed record Temperature(float Value)
{
    public override string ToString() => Value.ToString("R");
}

/// <summary>
/// FsCheck's default float generators produce NaN and ±∞, which the identities under test exclude;
/// these generators draw finite values on chosen scales instead (ties included, as they matter for argmax).
/// </summary>
public static class Vectors
{
    private static readonly float[] Scales = [1e-3f, 1f, 10f, 100f, 1e4f, 1e30f];

    public static Gen<float> Entry(float scale) =>
        Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1e6f * scale);

    public static Gen<float[]> FiniteArray(int minLength, int maxLength) =>
        from scale in Gen.Elements(Scales)
        from length in Gen.Choose(minLength, maxLength)
        from values in Gen.ArrayOf(Gen.Frequency(
            (9, Entry(scale)),
            (1, Gen.Elements(0f, scale, -scale))), length)
        select values;

    public static Arbitrary<FiniteVector> FiniteVector() =>
        FiniteArray(1, 300).Select(v => new FiniteVector(v)).ToArbitrary();

    public static Arbitrary<GridVector> GridVector() =>
        (from exponent in Gen.Choose(-20, 80)
         from length in Gen.Choose(1, 300)
         from ks in Gen.ArrayOf(Gen.Choose(-(1 << 20), 1 << 20), length)
         from shift in Gen.Choose(-(1 << 20), 1 << 20)
         let step = MathF.ScaleB(1f, exponent)
         select new GridVector(ks.Select(k => k * step).ToArray(), shift * step)).ToArbitrary();

    public static Arbitrary<Temperature> Temperature() =>
        Gen.Choose(-2000, 2000).Select(e => new Temperature(MathF.Pow(10f, e / 1000f))).ToArbitrary();
}
