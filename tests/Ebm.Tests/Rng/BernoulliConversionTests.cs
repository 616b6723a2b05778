using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>The decision rule u ≤ p of <see cref="BernoulliConversion"/> at its boundaries and extremes.</summary>
public class BernoulliConversionTests
{
    [Theory]
    [InlineData(1u)]
    [InlineData(12345u)]
    [InlineData(1u << 23)]
    [InlineData((1u << 24) - 1)]
    public void GridProbabilityIsExactlyTheFractionOfWordsBelowIt(uint k)
    {
        // p = k·2^−24: the word whose u equals p draws true, the next word up draws false.
        float p = k / 16777216f;
        Assert.True(BernoulliConversion.FromProbability((k - 1) << 8 | 0xFF, p));
        Assert.False(BernoulliConversion.FromProbability(k << 8, p));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0x12345678u)]
    [InlineData(uint.MaxValue)]
    public void DegenerateProbabilitiesAreCertain(uint bits)
    {
        Assert.False(BernoulliConversion.FromProbability(bits, 0f));
        Assert.True(BernoulliConversion.FromProbability(bits, 1f));
        Assert.False(BernoulliConversion.FromProbability(bits, -0.5f));
        Assert.True(BernoulliConversion.FromProbability(bits, 2f));
        Assert.False(BernoulliConversion.FromProbability(bits, float.NaN));
        Assert.True(BernoulliConversion.FromLogit(bits, float.PositiveInfinity));
        Assert.True(BernoulliConversion.FromLogit(bits, 200f));
        Assert.False(BernoulliConversion.FromLogit(bits, float.NegativeInfinity));
        Assert.False(BernoulliConversion.FromLogit(bits, -200f));
        Assert.False(BernoulliConversion.FromLogit(bits, float.NaN));
    }

    [Fact]
    public void LogitZeroIsAFairCoin()
    {
        // σ(0) = 1/2 exactly, so the boundary is u = 1/2: word 0x7FFFFFFF gives u = 1/2 (true), 0x80000000 the next grid point.
        Assert.True(BernoulliConversion.FromLogit(0x7FFFFFFF, 0f));
        Assert.False(BernoulliConversion.FromLogit(0x80000000, 0f));
    }
}
