using Ebm.Numerics;

namespace Ebm.Tests.Numerics;

/// <summary>log1p against the alternating series below |x| = 0.1 and log(1 + x) above, where that form is exact enough.</summary>
public class Log1pTests
{
    private static double Oracle(double x)
    {
        if (Math.Abs(x) >= 0.1)
            return Math.Log(1 + x);
        double power = x, sum = 0;
        for (int k = 1; k <= 40; k++, power *= -x)
            sum += power / k;
        return sum;
    }

    [Theory]
    [InlineData(-0.9)]
    [InlineData(-0.09)]
    [InlineData(-1e-5)]
    [InlineData(-1e-12)]
    [InlineData(1e-20)]
    [InlineData(3e-9)]
    [InlineData(1e-3)]
    [InlineData(0.099)]
    [InlineData(0.5)]
    [InlineData(7)]
    [InlineData(1e30)]
    public void Log1p_keeps_the_digits_of_small_arguments(double x)
    {
        double expected = Oracle(x);
        Assert.True(Math.Abs(StableMath.Log1p(x) - expected) <= 1e-15 * Math.Abs(expected), $"double log1p({x:R}) = {StableMath.Log1p(x):R}, expected {expected:R}");
        double single = StableMath.Log1p((float)x);
        double expectedSingle = Oracle((float)x);
        Assert.True(Math.Abs(single - expectedSingle) <= 1e-7 * Math.Abs(expectedSingle), $"float log1p({(float)x:R}) = {single:R}, expected {expectedSingle:R}");
    }

    [Fact]
    public void Log1p_takes_the_ends_of_its_domain_to_their_limits()
    {
        Assert.Equal(double.NegativeInfinity, StableMath.Log1p(-1.0));
        Assert.True(double.IsNaN(StableMath.Log1p(-2.0)));
        Assert.Equal(double.PositiveInfinity, StableMath.Log1p(double.PositiveInfinity));
        Assert.True(float.IsNaN(StableMath.Log1p(float.NaN)));
        Assert.Equal(0.0, StableMath.Log1p(0.0));
    }
}
