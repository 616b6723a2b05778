using Ebm.Numerics;

namespace Ebm.Tests.Numerics;

/// <summary>
/// Every vector width gives the scalar path's results for every length 0..256, so the overlapping
/// last vector of maps and the masked last vector of sums are exercised at every remainder.
/// </summary>
public class SimdPathTests
{
    // Widths travel as bits: VectorWidth is internal and test signatures must be public.
    public static TheoryData<int> Widths()
    {
        var data = new TheoryData<int>();
        foreach (VectorWidth w in new[] { VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512 })
            if (w <= Simd.Hardware)
                data.Add((int)w);
        return data;
    }

    private delegate void FloatOp(float[] x, float[] y);
    private delegate void DoubleOp(double[] x, double[] y);

    private static readonly (string Name, FloatOp Op)[] FloatOps =
    [
        ("softmax", (x, y) => StableMath.Softmax(x, y, 0.7f)),
        ("softmin", (x, y) => StableMath.Softmin(x, y, 1.3f)),
        ("logsoftmax", (x, y) => StableMath.LogSoftmax(x, y, 0.9f)),
        ("softplus", (x, y) => StableMath.Softplus(x, y)),
        ("sigmoid", (x, y) => StableMath.Sigmoid(x, y)),
        ("logsigmoid", (x, y) => StableMath.LogSigmoid(x, y)),
        ("logsumexp", (x, y) => { if (y.Length > 0) y[0] = StableMath.LogSumExp(x, 1.1f); }),
    ];

    private static readonly (string Name, DoubleOp Op)[] DoubleOps =
    [
        ("softmax", (x, y) => StableMath.Softmax(x, y, 0.7)),
        ("logsoftmax", (x, y) => StableMath.LogSoftmax(x, y, 0.9)),
        ("softplus", (x, y) => StableMath.Softplus(x, y)),
        ("sigmoid", (x, y) => StableMath.Sigmoid(x, y)),
        ("logsigmoid", (x, y) => StableMath.LogSigmoid(x, y)),
        ("logsumexp", (x, y) => { if (y.Length > 0) y[0] = StableMath.LogSumExp(x, 1.1); }),
    ];

    private static float[] Input(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 40 - 20)).ToArray();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Float_paths_equal_the_scalar_path(int bits)
    {
        var width = (VectorWidth)bits;
        foreach (var (name, op) in FloatOps)
            for (int n = 0; n <= 256; n++)
            {
                float[] x = Input(n, n);
                float[] expected = new float[n], actual = new float[n];
                using (Simd.Force(VectorWidth.Scalar))
                    op(x, expected);
                using (Simd.Force(width))
                    op(x, actual);
                for (int i = 0; i < n; i++)
                {
                    // Elementwise results agree to rounding; the sums differ in association order, hence the
                    // relative tolerance of a few float ulps.
                    float tolerance = 4e-7f * Math.Max(1f, Math.Abs(expected[i])) * (name.Contains("log") ? 4 : 1);
                    Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                        $"{name}, width {width}, n = {n}, i = {i}: scalar {expected[i]:R}, vector {actual[i]:R}");
                }
            }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Double_paths_equal_the_scalar_path(int bits)
    {
        var width = (VectorWidth)bits;
        foreach (var (name, op) in DoubleOps)
            for (int n = 0; n <= 256; n++)
            {
                double[] x = Input(n, 1000 + n).Select(v => (double)v).ToArray();
                double[] expected = new double[n], actual = new double[n];
                using (Simd.Force(VectorWidth.Scalar))
                    op(x, expected);
                using (Simd.Force(width))
                    op(x, actual);
                for (int i = 0; i < n; i++)
                    Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-14 * Math.Max(1, Math.Abs(expected[i])),
                        $"{name}, width {width}, n = {n}, i = {i}: scalar {expected[i]:R}, vector {actual[i]:R}");
            }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void In_place_maps_equal_out_of_place_at_every_remainder(int bits)
    {
        var width = (VectorWidth)bits;
        using var _ = Simd.Force(width);
        for (int n = 0; n <= 256; n++)
        {
            float[] x = Input(n, 7 * n);
            float[] outOfPlace = new float[n];
            StableMath.Softplus(x, outOfPlace);
            StableMath.Softplus(x, x);
            Assert.Equal(outOfPlace, x);
        }
    }

    [Fact]
    public void Nan_anywhere_reaches_the_sum_at_every_width_and_position()
    {
        foreach (VectorWidth width in Enum.GetValues<VectorWidth>().Where(w => w <= Simd.Hardware))
        {
            using var _ = Simd.Force(width);
            for (int n = 1; n <= 70; n++)
                for (int at = 0; at < n; at++)
                {
                    float[] x = Input(n, n);
                    x[at] = float.NaN;
                    Assert.True(float.IsNaN(StableMath.LogSumExp(x)), $"width {width}, n = {n}, NaN at {at}");
                }
        }
    }
}
