using Ebm.Rng;
using FsCheck;
using FsCheck.Xunit;

namespace Ebm.Tests.Rng;

/// <summary>The exact formulas of <see cref="UniformConversion"/>, on every 24-bit value and at the extremes.</summary>
public class UniformConversionTests
{
    [Fact]
    public void SingleIsExactlyTheTop24BitsPlusOneTimesTwoToMinus24OverTheWholeRange()
    {
        // Exhaustive over the 2^24 values of bits >> 8, with the discarded low byte all zeros and all ones:
        // never 0 (log stays finite), never above 1, and exactly (k + 1)·2^−24.
        for (uint k = 0; k < 1u << 24; k++)
        {
            float expected = (k + 1) / 16777216f;
            float low = UniformConversion.ToSingle(k << 8);
            float high = UniformConversion.ToSingle((k << 8) | 0xFF);
            if (low != expected || high != expected || !(low > 0f) || !(low <= 1f) || float.IsInfinity(MathF.Log(low)))
                Assert.Fail($"ToSingle(0x{k << 8:x8}) = {low:R}, ToSingle(0x{(k << 8) | 0xFF:x8}) = {high:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void SingleExtremes()
    {
        Assert.Equal(MathF.Pow(2, -24), UniformConversion.ToSingle(0));
        Assert.Equal(1f, UniformConversion.ToSingle(uint.MaxValue));
        Assert.Equal(0.5f, UniformConversion.ToSingle(0x7FFFFFFF));
        Assert.Equal(0.5f + MathF.Pow(2, -24), UniformConversion.ToSingle(0x80000000));
    }

    [Fact]
    public void DoubleExtremesAndBitPlacement()
    {
        Assert.Equal(Math.Pow(2, -53), UniformConversion.ToDouble(0, 0));
        Assert.Equal(1.0, UniformConversion.ToDouble(uint.MaxValue, uint.MaxValue));
        // The top bit of the first word is the 2^−1 digit; the lowest kept bit of the second word (bit 6) is 2^−53.
        Assert.Equal(0.5 + Math.Pow(2, -53), UniformConversion.ToDouble(0x80000000, 0));
        Assert.Equal(2 * Math.Pow(2, -53), UniformConversion.ToDouble(0, 1u << 6));
        Assert.Equal(Math.Pow(2, -53), UniformConversion.ToDouble(0x1F, 0x3F)); // discarded bits only
        Assert.Equal(Math.Pow(2, -27) + Math.Pow(2, -53), UniformConversion.ToDouble(1u << 5, 0)); // lowest kept bit of the first word
    }

    [Property(MaxTest = 1000)]
    public bool DoubleIsKPlusOneTimesTwoToMinus53(DoNotSize<uint> high, DoNotSize<uint> low)
    {
        double u = UniformConversion.ToDouble(high.Item, low.Item);
        ulong k = ((ulong)(high.Item >> 5) << 26) | (low.Item >> 6);
        return u > 0 && u <= 1 && u * 9007199254740992.0 == k + 1 && double.IsFinite(Math.Log(u));
    }
}
