namespace Ebm.Dsl.Tests.Interpreter;

/// <summary>
/// Where the textbook formulas overflow or lose every digit, the interpreter's stable forms keep the
/// exact limit (values worked out by hand; specs/numerics.md gives the same conventions for the runtime).
/// </summary>
public class StabilityTests
{
    private static double Lse(params double[] x) => Ops.LogSumExp(new Vec(x)).Value;

    [Fact]
    public void LogSumExp_neither_overflows_nor_underflows_at_huge_magnitudes()
    {
        Assert.Equal(1e30, Lse(1e30, 1e30));          // + ln 2 is far below one ulp of 1e30
        Assert.Equal(1e30, Lse(1e30, -1e30));
        Assert.Equal(-1e30, Lse(-1e30, -1e30));
        Assert.Equal(1000 + Math.Log(2), Lse(1000, 1000), 12);    // e^1000 overflows the unshifted formula
        Assert.Equal(-1000 + Math.Log(3), Lse(-1000, -1000, -1000), 12);   // e^−1000 underflows it
    }

    [Fact]
    public void LogSumExp_limits()
    {
        Assert.Equal(double.NegativeInfinity, Lse());
        Assert.Equal(double.NegativeInfinity, Lse(double.NegativeInfinity, double.NegativeInfinity));
        Assert.Equal(2.0, Lse(double.NegativeInfinity, 2.0));
        Assert.Equal(double.PositiveInfinity, Lse(1, double.PositiveInfinity));
        Assert.True(double.IsNaN(Lse(1, double.NaN)));
    }

    [Fact]
    public void Softplus_at_the_extremes()
    {
        Assert.Equal(1e30, Ops.Softplus(1e30).Value);
        Assert.Equal(0.0, Ops.Softplus(-1e30).Value);
        Assert.Equal(1000.0, Ops.Softplus(1000).Value);                       // log(1 + e^1000) overflows
        Assert.Equal(Math.Exp(-700), Ops.Softplus(-700).Value, 1e-318);       // log(1 + tiny) rounds to 0
        Assert.Equal(2.0611536203e-9, Ops.Softplus(-20).Value, 1e-19);
    }

    [Fact]
    public void LogSigmoid_and_Sigmoid_at_the_extremes()
    {
        Assert.Equal(-1e30, Ops.LogSigmoid(-1e30).Value);
        Assert.Equal(0.0, Ops.LogSigmoid(1e30).Value);
        Assert.Equal(-1000.0, Ops.LogSigmoid(-1000).Value);
        Assert.Equal(1.0, Ops.Sigmoid(1e30).Value);
        Assert.Equal(0.0, Ops.Sigmoid(-1e30).Value);
        Assert.Equal(Math.Exp(-700), Ops.Sigmoid(-700).Value, 1e-318);
    }

    [Fact]
    public void Log1p_keeps_the_digits_of_tiny_arguments()
    {
        Assert.Equal(1e-20, Ops.Log1p(1e-20).Value);
        Assert.Equal(-1e-20, Ops.Log1p(-1e-20).Value);
        Assert.Equal(double.NegativeInfinity, Ops.Log1p(-1).Value);
        Assert.Equal(double.PositiveInfinity, Ops.Log1p(double.PositiveInfinity).Value);
        Assert.Equal(Math.Log(1e300), Ops.Log1p(1e300).Value, 12);
    }

    [Fact]
    public void Softmax_at_the_extremes()
    {
        Assert.Equal([1.0, 0.0], Ops.Softmax(new Vec(1e30, 0)).ToArray());
        Assert.Equal([0.5, 0.5], Ops.Softmax(new Vec(1000, 1000)).ToArray());
        Assert.Equal([0.0, 1.0], Ops.Softmin(new Vec(1e30, -1e30)).ToArray());
        Assert.Equal([0.5, 0.5], Ops.Softmax(new Vec(double.NegativeInfinity, double.NegativeInfinity)).ToArray());
        Assert.Equal([0.5, 0.0, 0.5], Ops.Softmax(new Vec(double.PositiveInfinity, 1, double.PositiveInfinity)).ToArray());
        Assert.All(Ops.Softmax(new Vec(1, double.NaN)).ToArray(), p => Assert.True(double.IsNaN(p)));
    }
}
