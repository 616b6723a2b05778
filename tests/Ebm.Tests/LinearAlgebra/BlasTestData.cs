using Ebm.LinearAlgebra;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Tests.LinearAlgebra;

/// <summary>Finite random operands and the error bound the BLAS tests compare against.</summary>
internal static class BlasTestData
{
    /// <summary>Unit roundoff of float: the error bound of one rounding.</summary>
    public const double Epsilon = 1.0 / (1 << 24);

    /// <summary>Uniform in ±scale; FsCheck's own float generators would also produce NaN and ±∞.</summary>
    public static float[] Uniform(Random random, long length, float scale)
    {
        var values = new float[length];
        for (long i = 0; i < length; i++)
            values[i] = (2f * random.NextSingle() - 1f) * scale;
        return values;
    }

    /// <summary>Scales spanning six orders of magnitude, so tolerances are checked relative to the data.</summary>
    public static Gen<float> Scale => Gen.Elements(1e-3f, 1f, 1e3f);

    /// <summary>The values of α and β BLAS treats specially, and ordinary ones.</summary>
    public static Gen<float> Coefficient => Gen.Frequency(
        (2, Gen.Constant(0f)),
        (2, Gen.Constant(1f)),
        (1, Gen.Constant(-1f)),
        (3, Gen.Choose(-2000, 2000).Select(i => i / 1000f)));

    /// <summary>Mostly spread over 0..max, with tiny sizes (0 and 1 included) often enough to matter.</summary>
    public static Gen<int> Dimension(int max) => Gen.Frequency((1, Gen.Choose(0, 4)), (3, Gen.Choose(0, max)));

    public static Gen<Transpose> Transposition => Gen.Elements(Transpose.No, Transpose.Yes);

    /// <summary>
    /// Bound on |computed − exact| for α·Σ aᵢbᵢ + β·c with <paramref name="terms"/> products, for any
    /// summation order in float: each term passes through at most terms + 2 roundings, so the error is
    /// below (terms + 2)·u·(|α|·Σ|aᵢbᵢ| + |β·c|) for each of the two results compared; a little headroom
    /// (factor 4) and an absolute floor for results near underflow.
    /// </summary>
    public static double Tolerance(int terms, double absAlpha, double sumAbsProducts, double absBetaC) =>
        4.0 * (terms + 2) * Epsilon * (absAlpha * sumAbsProducts + absBetaC) + 1e-35;

    /// <summary>Runs <paramref name="body"/> once per vector width this machine supports, scalar included.</summary>
    public static void ForEachWidth(Action<VectorWidth> body)
    {
        foreach (VectorWidth width in Blas.SupportedWidths)
        {
            using (Simd.Force(width))
                body(width);
        }
    }
}
