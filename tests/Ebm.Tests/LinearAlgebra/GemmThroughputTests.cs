using Ebm.LinearAlgebra;

namespace Ebm.Tests.LinearAlgebra;

public class GemmThroughputTests
{
    [Fact]
    public void MeasureReturnsAPositiveRate()
    {
        // No bound on the rate itself: the machine is shared, so only its being a rate is checked.
        double gflops = GemmThroughput.Measure(24, 40, 16, 0.05, 1);
        Assert.True(double.IsFinite(gflops) && gflops > 0, $"rate {gflops}");
    }

    [Theory]
    [InlineData(0, 1, 1, 1.0)]
    [InlineData(1, -1, 1, 1.0)]
    [InlineData(1, 1, 0, 1.0)]
    [InlineData(1, 1, 1, 0.0)]
    [InlineData(1, 1, 1, double.NaN)]
    public void MeasureRejectsEmptyShapesAndNoTime(int m, int n, int k, double seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GemmThroughput.Measure(m, n, k, seconds));
    }
}
