using Ebm.Numerics;

namespace Ebm.Tests.Numerics;

/// <summary>Known values, the documented limits (±∞, NaN, empty) and argument errors.</summary>
public class SoftmaxConventionTests
{
    [Fact]
    public void Lecture_example_to_four_decimals()
    {
        float[] p = StableMath.Softmax([1.3f, 7.2f, 2.4f, 0.5f, 1.1f]);
        Assert.Equal([0.0027, 0.9858, 0.0081, 0.0012, 0.0022], p.Select(v => Math.Round(v, 4)));
    }

    [Fact]
    public void Large_magnitudes_do_not_overflow()
    {
        Assert.Equal([0f, 1f, 0f], StableMath.Softmax([-1e30f, 1e30f, 0f]));
        Assert.Equal([0.5f, 0.5f], StableMath.Softmax([1e30f, 1e30f]));
        Assert.Equal(1e30f, StableMath.LogSumExp([1e30f, -1e30f, 1e29f]));
        Assert.Equal(-1e30f + MathF.Log(2f), StableMath.LogSumExp([-1e30f, -1e30f]));
        Assert.Equal([0d, 1d], StableMath.Softmax([-1e300, 1e300]));
    }

    [Fact]
    public void Positive_infinities_share_all_the_mass()
    {
        Assert.Equal([0.5f, 0f, 0.5f, 0f], StableMath.Softmax([float.PositiveInfinity, 3f, float.PositiveInfinity, float.NegativeInfinity]));
        Assert.Equal(float.PositiveInfinity, StableMath.LogSumExp([float.PositiveInfinity, 3f]));
        Assert.Equal([-MathF.Log(2f), float.NegativeInfinity, -MathF.Log(2f)], StableMath.LogSoftmax([float.PositiveInfinity, 3f, float.PositiveInfinity]));
        Assert.Equal([0f, 1f], StableMath.Softmin([float.PositiveInfinity, float.NegativeInfinity]));
    }

    [Fact]
    public void Negative_infinities_get_no_mass_beside_finite_entries()
    {
        Assert.Equal([0f, 1f], StableMath.Softmax([float.NegativeInfinity, 2f]));
        Assert.Equal(2f, StableMath.LogSumExp([float.NegativeInfinity, 2f]));
    }

    [Fact]
    public void All_negative_infinity_is_uniform_with_logsumexp_minus_infinity()
    {
        float[] allNegInf = [float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity];
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], StableMath.Softmax(allNegInf));
        Assert.All(StableMath.LogSoftmax(allNegInf), v => Assert.Equal(-MathF.Log(4f), v));
        Assert.Equal(float.NegativeInfinity, StableMath.LogSumExp(allNegInf));
        Assert.Equal([0.5f, 0.5f], StableMath.Softmin([float.PositiveInfinity, float.PositiveInfinity]));
    }

    [Fact]
    public void Nan_in_gives_nan_out()
    {
        float[] withNaN = [1f, float.NaN, float.PositiveInfinity];
        Assert.All(StableMath.Softmax(withNaN), v => Assert.True(float.IsNaN(v)));
        Assert.All(StableMath.LogSoftmax(withNaN), v => Assert.True(float.IsNaN(v)));
        Assert.All(StableMath.Softmin(withNaN), v => Assert.True(float.IsNaN(v)));
        Assert.True(float.IsNaN(StableMath.LogSumExp(withNaN)));
        Assert.True(float.IsNaN(StableMath.Softplus(float.NaN)));
        Assert.True(float.IsNaN(StableMath.Sigmoid(float.NaN)));
        Assert.True(float.IsNaN(StableMath.LogSigmoid(float.NaN)));
    }

    [Fact]
    public void Empty_input_has_logsumexp_minus_infinity_and_empty_softmax()
    {
        Assert.Equal(float.NegativeInfinity, StableMath.LogSumExp(ReadOnlySpan<float>.Empty));
        Assert.Equal(double.NegativeInfinity, StableMath.LogSumExp(ReadOnlySpan<double>.Empty, 0.5));
        Assert.Empty(StableMath.Softmax(ReadOnlySpan<float>.Empty));
        Assert.Empty(StableMath.LogSoftmax(ReadOnlySpan<double>.Empty));
        Assert.Empty(StableMath.Softmin(ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void Softmax_works_in_place()
    {
        float[] x = [1.3f, 7.2f, 2.4f, 0.5f, 1.1f];
        float[] expected = StableMath.Softmax(x);
        StableMath.Softmax(x, x, 1f);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void Mismatched_lengths_name_both_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => StableMath.Softmax(new float[5], new float[3], 1f));
        Assert.Contains("5", e.Message);
        Assert.Contains("3", e.Message);
        Assert.Throws<ArgumentException>(() => StableMath.LogSoftmax(new double[2], new double[7], 1d));
        Assert.Throws<ArgumentException>(() => StableMath.Softmin(new float[1], new float[0], 1f));
        Assert.Throws<ArgumentException>(() => StableMath.Softplus(new float[4], new float[8]));
        Assert.Throws<ArgumentException>(() => StableMath.Sigmoid(new double[4], new double[8]));
        Assert.Throws<ArgumentException>(() => StableMath.LogSigmoid(new float[9], new float[8]));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Temperature_must_be_positive_and_finite(float temperature)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StableMath.Softmax([1f, 2f], temperature));
        Assert.Throws<ArgumentOutOfRangeException>(() => StableMath.LogSumExp([1f, 2f], temperature));
    }

    [Fact]
    public void Temperature_scales_the_logits()
    {
        double[] x = [0.3, -1.2, 2.5];
        double[] scaled = x.Select(v => v / 0.25).ToArray();
        Assert.Equal(StableMath.Softmax(scaled), StableMath.Softmax(x, 0.25), new ToleranceComparer(1e-15));
        Assert.Equal(0.25 * StableMath.LogSumExp(scaled), StableMath.LogSumExp(x, 0.25), 14);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
