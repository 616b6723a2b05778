using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>
/// Bernoulli frequencies of fixed streams. The count of n draws is Binomial(n, p); bounds are 5σ, σ = √(n p (1 − p))
/// (two-sided α ≈ 6·10⁻⁷ by the normal approximation).
/// </summary>
public class RandomStreamBernoulliTests
{
    private const int N = 200_000;
    private static readonly RandomStream Stream = new(987654321, 1, 0);

    [Theory]
    [InlineData(0.01f)]
    [InlineData(0.1f)]
    [InlineData(0.3f)]
    [InlineData(0.5f)]
    [InlineData(0.9f)]
    [InlineData(0.999f)]
    public void FrequencyMatchesProbability(float p)
    {
        var probabilities = Enumerable.Repeat(p, N).ToArray();
        var h = new float[N];
        Stream.AtStep((ulong)(p * 1000)).FillBernoulli(probabilities, h);
        AssertCount(h, N * (double)p, N * (double)p * (1 - p));
    }

    [Theory]
    [InlineData(0.01f)]
    [InlineData(0.3f)]
    [InlineData(0.5f)]
    [InlineData(0.9f)]
    public void FrequencyFromLogitMatchesSigmoid(float p)
    {
        float logit = MathF.Log(p / (1 - p));
        var logits = Enumerable.Repeat(logit, N).ToArray();
        var h = new float[N];
        Stream.AtStep(5000 + (ulong)(p * 1000)).FillBernoulliLogit(logits, h);
        AssertCount(h, N * (double)p, N * (double)p * (1 - p));
    }

    [Fact]
    public void VaryingProbabilitiesGiveTheSumOfTheirMeans()
    {
        // Σ of independent Bernoulli(p_i): mean Σ p_i, variance Σ p_i (1 − p_i).
        var probabilities = Enumerable.Range(0, N).Select(i => (i % 100) / 99f).ToArray();
        var h = new float[N];
        Stream.AtStep(9999).FillBernoulli(probabilities, h);
        AssertCount(h, probabilities.Sum(p => (double)p), probabilities.Sum(p => (double)p * (1 - p)));
    }

    [Fact]
    public void ZeroAndOneAreCertain()
    {
        var h = new float[N];
        Stream.FillBernoulli(new float[N], h);
        Assert.All(h, v => Assert.Equal(0f, v));
        Stream.FillBernoulli(Enumerable.Repeat(1f, N).ToArray(), h);
        Assert.All(h, v => Assert.Equal(1f, v));
    }

    private static void AssertCount(float[] h, double mean, double variance)
    {
        double count = h.Sum(v => (double)v);
        Assert.All(h, v => Assert.True(v is 0f or 1f));
        Assert.True(Math.Abs(count - mean) < 5 * Math.Sqrt(variance), $"count {count}, expected {mean} ± 5·{Math.Sqrt(variance)}");
    }
}
