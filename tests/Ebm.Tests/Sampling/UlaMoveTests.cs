using Ebm.Sampling;

namespace Ebm.Tests.Sampling;

/// <summary>The vectorised ULA move gives the per-chain loop's bits, clamps, and finds the first non-finite value.</summary>
public class UlaMoveTests
{
    private static float Scalar(float x, float g, float z, float alpha, float noise, float lower, float upper) =>
        Math.Clamp(x - 1f * alpha * g + noise * z, lower, upper);

    [Fact]
    public void EveryLengthMatchesTheScalarFormulaBitForBit()
    {
        var random = new Random(3);
        for (int n = 0; n <= 70; n++)
        {
            float[] x = Values(random, n, 3), g = Values(random, n, 50), z = Values(random, n, 1), y = new float[n];
            const float alpha = 0.013f, lower = -2.5f, upper = 2f;
            float noise = (float)Math.Sqrt(2.0 * alpha);
            int bad = UlaMove.Apply(x, g, z, alpha, noise, lower, upper, y);
            Assert.Equal(-1, bad);
            for (int i = 0; i < n; i++)
                Assert.Equal(BitConverter.SingleToInt32Bits(Scalar(x[i], g[i], z[i], alpha, noise, lower, upper)), BitConverter.SingleToInt32Bits(y[i]));
        }
    }

    [Theory]
    [InlineData(0, float.NaN)]
    [InlineData(9, float.PositiveInfinity)]
    [InlineData(20, float.NegativeInfinity)]
    [InlineData(33, float.NaN)]
    public void TheFirstNonFiniteValueIsReported(int at, float gradient)
    {
        const int n = 35;
        float[] x = new float[n], g = new float[n], z = new float[n], y = new float[n];
        g[at] = gradient;
        g[n - 1] = float.NaN;
        int bad = UlaMove.Apply(x, g, z, 0.01f, 0.1f, float.NegativeInfinity, float.PositiveInfinity, y);
        Assert.Equal(at, bad);
    }

    [Fact]
    public void FiniteBoundsClampInfinitiesButNotNaN()
    {
        float[] x = new float[20], g = new float[20], z = new float[20], y = new float[20];
        g[3] = float.NegativeInfinity;
        Assert.Equal(-1, UlaMove.Apply(x, g, z, 0.01f, 0.1f, -1f, 1f, y));
        Assert.Equal(1f, y[3]);
        g[12] = float.NaN;
        Assert.Equal(12, UlaMove.Apply(x, g, z, 0.01f, 0.1f, -1f, 1f, y));
        Assert.True(float.IsNaN(y[12]));
    }

    private static float[] Values(Random random, int n, double scale) =>
        Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
}
