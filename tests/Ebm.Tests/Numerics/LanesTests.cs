using System.Numerics;
using Ebm.Numerics;

namespace Ebm.Tests.Numerics;

/// <summary>
/// The lane functions of generated batch code against double-precision references: exp within 2 ulp over its
/// whole range (subnormal results included), the others within the relative error stated per function.
/// </summary>
public class LanesTests
{
    private static float Lane0(Func<Vector<float>, Vector<float>> f, float x) => f(new Vector<float>(x))[0];

    private static int Ulps(float expected, float actual) =>
        Math.Abs(BitConverter.SingleToInt32Bits(expected) - BitConverter.SingleToInt32Bits(actual));

    [Fact]
    public void ExpIsWithinTwoUlpsEverywhere()
    {
        int worst = 0;
        for (float x = -105f; x < 89f; x += 0.00137f)
            worst = Math.Max(worst, Ulps((float)Math.Exp(x), Lane0(Lanes.Exp, x)));
        Assert.InRange(worst, 0, 2);
    }

    [Theory]
    [InlineData(0f, 1f)]
    [InlineData(float.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(89f, float.PositiveInfinity)]
    [InlineData(-110f, 0f)]
    public void ExpHasExactSpecialValues(float x, float expected) => Assert.Equal(expected, Lane0(Lanes.Exp, x));

    [Fact]
    public void ExpPropagatesNaN() => Assert.True(float.IsNaN(Lane0(Lanes.Exp, float.NaN)));

    [Theory]
    [InlineData(1e-10f)]
    [InlineData(-1e-7f)]
    [InlineData(3e-4f)]
    [InlineData(0.5f)]
    [InlineData(-0.75f)]
    [InlineData(30f)]
    [InlineData(1e30f)]
    public void Log1pKeepsRelativeAccuracy(float x)
    {
        double expected = Math.Log(1 + (double)x);
        if (Math.Abs(x) < 1e-4)
            expected = x - (double)x * x / 2;
        Assert.InRange(Math.Abs(Lane0(Lanes.Log1p, x) - expected), 0, 3e-7 * Math.Abs(expected));
    }

    [Fact]
    public void Log1pAtInfinityIsInfinite() => Assert.Equal(float.PositiveInfinity, Lane0(Lanes.Log1p, float.PositiveInfinity));

    [Theory]
    [InlineData(-100f)]
    [InlineData(-20f)]
    [InlineData(-1f)]
    [InlineData(0f)]
    [InlineData(1e-6f)]
    [InlineData(3f)]
    [InlineData(50f)]
    public void SigmoidSoftplusAndLogSigmoidMatchDouble(float x)
    {
        double sigmoid = 1 / (1 + Math.Exp(-(double)x));
        double softplus = Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs((double)x)));
        Assert.InRange(Math.Abs(Lane0(Lanes.Sigmoid, x) - sigmoid), 0, 3e-7 * sigmoid + 1e-44);
        Assert.InRange(Math.Abs(Lane0(Lanes.Softplus, x) - softplus), 0, 3e-7 * softplus + 1e-45);
        Assert.InRange(Math.Abs(Lane0(Lanes.LogSigmoid, x) + Math.Max(-x, 0) + Log1p(Math.Exp(-Math.Abs((double)x)))), 0, 3e-7 * (Math.Abs(x) + 1));
    }

    // log(1 + t) in double without the rounding of 1 + t for tiny t.
    private static double Log1p(double t) => t < 1e-8 ? t - t * t / 2 : Math.Log(1 + t);

    [Theory]
    [InlineData(1e-6f)]
    [InlineData(-0.3f)]
    [InlineData(5f)]
    public void TanhSqrtAbsAndSignMatchScalars(float x)
    {
        Assert.Equal(MathF.Tanh(x), Lane0(Lanes.Tanh, x));
        Assert.Equal(MathF.Abs(x), Lane0(Lanes.Abs, x));
        Assert.Equal(MathF.Sqrt(Math.Abs(x)), Lane0(Lanes.Sqrt, Math.Abs(x)));
        Assert.Equal(EnergyModelSupport.Sign(x), Lane0(Lanes.Sign, x));
        Assert.Equal(0f, Lane0(Lanes.Sign, 0f));
    }

    [Fact]
    public void MaxAndShiftCarryNaNAndInfinities()
    {
        Assert.True(float.IsNaN(Lanes.Max(new Vector<float>(float.NaN), Vector<float>.One)[0]));
        Assert.True(float.IsNaN(Lanes.Max(Vector<float>.One, new Vector<float>(float.NaN))[0]));
        Assert.Equal(2f, Lanes.Max(Vector<float>.One, new Vector<float>(2f))[0]);
        Assert.Equal(0f, Lanes.Shift(new Vector<float>(float.NegativeInfinity))[0]);
        Assert.Equal(0f, Lanes.Shift(new Vector<float>(float.PositiveInfinity))[0]);
        Assert.Equal(-3f, Lanes.Shift(new Vector<float>(-3f))[0]);
    }

    [Fact]
    public void KeepFirstZeroesTheLanesPastTheCount()
    {
        var x = new Vector<float>(5f);
        for (int count = 0; count <= Vector<float>.Count + 1; count++)
        {
            Vector<float> kept = Lanes.KeepFirst(x, count);
            for (int l = 0; l < Vector<float>.Count; l++)
                Assert.Equal(l < count ? 5f : 0f, kept[l]);
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(13, 2)]
    [InlineData(64, 5)]
    public void ToLanesAndFromLanesAreInverseAndPadWithZeros(int count, int width)
    {
        const int stride = 64, first = 3;
        var rows = Enumerable.Range(0, (first + count + 2) * width).Select(v => (float)v + 1).ToArray();
        var lanes = Enumerable.Repeat(float.NaN, width * stride).ToArray();
        Lanes.ToLanes(rows, first, count, width, lanes, stride);
        for (int k = 0; k < width; k++)
            for (int l = 0; l < stride; l++)
                Assert.Equal(l < count ? rows[(first + l) * width + k] : 0f, lanes[k * stride + l]);
        var back = new float[rows.Length];
        Lanes.FromLanes(lanes, stride, back, first, count, width);
        for (int e = 0; e < back.Length; e++)
            Assert.Equal(e >= first * width && e < (first + count) * width ? rows[e] : 0f, back[e]);
    }

    [Fact]
    public void LoadsAndStoresOutsideTheSpanThrow()
    {
        var values = new float[Vector<float>.Count + 1];
        Assert.Equal(0f, Lanes.Load(values, 1)[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Lanes.Load(values, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lanes.Load(values, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lanes.Store(values, 2, Vector<float>.One));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lanes.Load(Array.Empty<float>(), 0));
    }
}
