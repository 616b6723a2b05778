using Ebm.Numerics;

namespace Ebm.Tests.Numerics;

/// <summary>Softplus, sigmoid and log-sigmoid against independent closed forms over their whole range.</summary>
public class ElementwiseTests
{
    // Oracles in double that share no code with the library: log(1 + eˣ) directly where 1 + eˣ is far
    // from 1, the series Σ (−1)^{k+1} e^{kx}/k below x = −1 (where the direct form loses digits to
    // rounding 1 + eˣ), and softplus(x) = x + softplus(−x) above x = 1.
    private static double SoftplusOracle(double x)
    {
        if (x > 1)
            return x + SoftplusOracle(-x);
        if (x >= -1)
            return Math.Log(1 + Math.Exp(x));
        double e = Math.Exp(x), power = e, sum = 0;
        for (int k = 1; k <= 60 && power > 0; k++, power *= e)
            sum += (k % 2 == 1 ? power : -power) / k;
        return sum;
    }

    private static double SigmoidOracle(double x) =>
        x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static IEnumerable<object[]> Points() =>
        new double[] { -1e30, -1e4, -100, -87, -40, -20, -5, -1, -1e-3, -1e-8, 0, 1e-8, 1e-3, 1, 5, 20, 40, 88, 100, 1e4, 1e30 }
            .Select(x => new object[] { x });

    [Theory]
    [MemberData(nameof(Points))]
    public void Softplus_matches_its_closed_form(double x)
    {
        double expected = SoftplusOracle(x);
        AssertRelative(expected, StableMath.Softplus(x), 1e-14);
        AssertRelative((float)expected, StableMath.Softplus((float)x), 2e-6);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Sigmoid_matches_its_closed_form(double x)
    {
        double expected = SigmoidOracle(x);
        AssertRelative(expected, StableMath.Sigmoid(x), 1e-14);
        AssertRelative((float)expected, StableMath.Sigmoid((float)x), 2e-6);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Log_sigmoid_is_minus_softplus_of_minus_x(double x)
    {
        AssertRelative(-SoftplusOracle(-x), StableMath.LogSigmoid(x), 1e-14);
        AssertRelative((float)-SoftplusOracle(-x), StableMath.LogSigmoid((float)x), 2e-6);
    }

    [Fact]
    public void Infinities_give_the_limits()
    {
        Assert.Equal(float.PositiveInfinity, StableMath.Softplus(float.PositiveInfinity));
        Assert.Equal(0f, StableMath.Softplus(float.NegativeInfinity));
        Assert.Equal(1f, StableMath.Sigmoid(float.PositiveInfinity));
        Assert.Equal(0f, StableMath.Sigmoid(float.NegativeInfinity));
        Assert.Equal(0f, StableMath.LogSigmoid(float.PositiveInfinity));
        Assert.Equal(float.NegativeInfinity, StableMath.LogSigmoid(float.NegativeInfinity));
    }

    [Fact]
    public void Span_versions_equal_scalar_versions()
    {
        double[] x = Points().Select(p => (double)p[0]).ToArray();
        double[] y = new double[x.Length];
        // The span versions run the vector paths, whose exp and log round differently from Math's.
        StableMath.Softplus(x, y);
        Assert.All(x.Zip(y), p => AssertRelative(StableMath.Softplus(p.First), p.Second, 1e-15));
        StableMath.Sigmoid(x, y);
        Assert.All(x.Zip(y), p => AssertRelative(StableMath.Sigmoid(p.First), p.Second, 1e-15));
        StableMath.LogSigmoid(x, y);
        Assert.All(x.Zip(y), p => AssertRelative(StableMath.LogSigmoid(p.First), p.Second, 1e-15));
    }

    private static void AssertRelative(double expected, double actual, double tolerance)
    {
        // Values under the float or double range of normal numbers are compared absolutely.
        double scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale || Math.Abs(expected - actual) < 1e-44,
            $"expected {expected:R}, got {actual:R}");
    }
}
