using Ebm.Data;
using Ebm.Rng;

namespace Ebm.Tests.Data;

/// <summary>The threshold rule at every byte value, and the stochastic rule's keying and statistics.</summary>
public class BinarizationTests
{
    private static Dataset Bytes(params int[] values) =>
        new("bytes", [1], values.Select(b => b / 255f).ToArray(), values, "test bytes");

    [Fact]
    public void TheDefaultThresholdIsByteAtLeast128()
    {
        Dataset all = Bytes([.. Enumerable.Range(0, 256)]);
        Dataset binary = Binarization.Threshold(all);
        Assert.Equal(Enumerable.Range(0, 256).Select(b => b >= 128 ? 1f : 0f), binary.Values.ToArray());
        Assert.Equal(all.Labels, binary.Labels);
        Assert.Contains("binarised by x > 0.5", binary.Source);
    }

    [Fact]
    public void TheThresholdIsStrict()
    {
        Dataset values = new("v", [4], new float[] { 0.25f, 0.2500001f, float.NaN, -1f }, [], "v");
        Assert.Equal([0f, 1f, 0f, 0f], Binarization.Threshold(values, 0.25f).Values.ToArray());
    }

    [Fact]
    public void StochasticDrawsAreKeyedBySeedRowStepAndColumn()
    {
        var probabilities = Enumerable.Range(0, 3 * 50).Select(i => (i % 50) / 49f).ToArray();
        Dataset data = new("p", [50], probabilities, [], "p");
        Dataset a = Binarization.Stochastic(data, 42, 3);
        Assert.Equal(a, Binarization.Stochastic(data, 42, 3));
        for (int r = 0; r < 3; r++)
            for (int j = 0; j < 50; j++)
                Assert.Equal(new RandomStream(42, (uint)r, 3).Bernoulli((uint)j, data.Row(r)[j]) ? 1f : 0f, a.Row(r)[j]);
        Assert.NotEqual(a.Values.ToArray(), Binarization.Stochastic(data, 43, 3).Values.ToArray());
        Assert.NotEqual(a.Values.ToArray(), Binarization.Stochastic(data, 42, 4).Values.ToArray());
        Assert.Equal(Binarization.Stochastic(data, 42, 0), Binarization.Stochastic(data, 42));
    }

    [Fact]
    public void StochasticOnesHaveTheValueAsTheirFrequency()
    {
        const int n = 200_000;
        var values = new float[n];
        for (int i = 0; i < n; i++)
            values[i] = i % 4 switch { 0 => 0f, 1 => 0.3f, 2 => 0.9f, _ => 1f };
        Dataset binary = Binarization.Stochastic(new Dataset("p", [4], values, [], "p"), 7);
        float[] v = binary.Values.ToArray();
        for (int k = 0; k < 4; k++)
        {
            double p = values[k];
            double mean = Enumerable.Range(0, n / 4).Average(r => v[4 * r + k]);
            // Five standard errors of a binomial proportion over n/4 draws; p = 0 and 1 must be exact.
            double tolerance = 5 * Math.Sqrt(p * (1 - p) / (n / 4));
            Assert.InRange(mean, p - tolerance, p + tolerance);
        }
    }
}
