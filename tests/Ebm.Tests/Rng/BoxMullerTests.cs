using System.Runtime.Intrinsics;
using Ebm.Rng;
using FsCheck;
using FsCheck.Xunit;

namespace Ebm.Tests.Rng;

/// <summary>Box–Muller: the stated formula, finiteness for every input, and the tail bound.</summary>
public class BoxMullerTests
{
    [Property(MaxTest = 1000)]
    public bool SingleFollowsTheDocumentedFormula(DoNotSize<uint> first, DoNotSize<uint> second)
    {
        // The formula with the BCL's vector functions, one lane: what the fills and OpenCL port reproduce.
        float u0 = UniformConversion.ToSingle(first.Item), u1 = UniformConversion.ToSingle(second.Item);
        Vector128<float> r = Vector128.Sqrt(Vector128.Create(-2f) * Vector128.Log(Vector128.Create(u0)));
        (Vector128<float> sin, Vector128<float> cos) = Vector128.SinCos(Vector128.Create(6.2831855f * u1));
        NormalPair z = BoxMuller.ToSingle(first.Item, second.Item);
        return z.Z0 == (r * cos).ToScalar() && z.Z1 == (r * sin).ToScalar();
    }

    [Property(MaxTest = 1000)]
    public void SingleIsWithinAFewUlpsOfTheScalarLibm(DoNotSize<uint> first, DoNotSize<uint> second)
    {
        float u0 = UniformConversion.ToSingle(first.Item), u1 = UniformConversion.ToSingle(second.Item);
        float r = MathF.Sqrt(-2f * MathF.Log(u0));
        float theta = 6.2831855f * u1;
        NormalPair z = BoxMuller.ToSingle(first.Item, second.Item);
        // Absolute for results near 0 (cos θ near π/2), relative elsewhere: a few float ulps of r.
        float tolerance = 8 * float.Epsilon + 4e-7f * Math.Max(1f, r);
        Assert.True(Math.Abs(z.Z0 - r * MathF.Cos(theta)) <= tolerance, $"Z0 {z.Z0:R} vs libm {r * MathF.Cos(theta):R}");
        Assert.True(Math.Abs(z.Z1 - r * MathF.Sin(theta)) <= tolerance, $"Z1 {z.Z1:R} vs libm {r * MathF.Sin(theta):R}");
    }

    [Property(MaxTest = 1000)]
    public bool DoubleFollowsTheDocumentedFormula(DoNotSize<uint> w0, DoNotSize<uint> w1, DoNotSize<uint> w2, DoNotSize<uint> w3)
    {
        double u0 = UniformConversion.ToDouble(w0.Item, w1.Item), u1 = UniformConversion.ToDouble(w2.Item, w3.Item);
        double r = Math.Sqrt(-2.0 * Math.Log(u0));
        double theta = 2 * Math.PI * u1;
        NormalPairDouble z = BoxMuller.ToDouble(new Philox4x32Block(w0.Item, w1.Item, w2.Item, w3.Item));
        return z.Z0 == r * Math.Cos(theta) && z.Z1 == r * Math.Sin(theta);
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(0u, uint.MaxValue)]
    [InlineData(uint.MaxValue, 0u)]
    [InlineData(uint.MaxValue, uint.MaxValue)]
    [InlineData(0xFFu, 0x40000000u)]
    public void ExtremeWordsGiveFiniteNormalsWithinTheStatedBound(uint a, uint b)
    {
        // |z| ≤ r_max = √(−2 ln 2^−24) = √(48 ln 2) ≈ 5.768 in float, √(106 ln 2) ≈ 8.572 in double.
        NormalPair z = BoxMuller.ToSingle(a, b);
        Assert.True(float.IsFinite(z.Z0) && float.IsFinite(z.Z1));
        Assert.True(MathF.Abs(z.Z0) <= 5.7686f && MathF.Abs(z.Z1) <= 5.7686f);
        NormalPairDouble zd = BoxMuller.ToDouble(new Philox4x32Block(a, a, b, b));
        Assert.True(double.IsFinite(zd.Z0) && double.IsFinite(zd.Z1));
        Assert.True(Math.Abs(zd.Z0) <= 8.5718 && Math.Abs(zd.Z1) <= 8.5718);
    }

    [Fact]
    public void SmallestRadiusWordReachesTheTailBound()
    {
        // Word 0 → u0 = 2^−24, and word 0x40000000 → u1 ≈ 1/4, θ ≈ π/2: Z1 ≈ r_max.
        NormalPair z = BoxMuller.ToSingle(0, 0x3FFFFF00);
        Assert.Equal(MathF.Sqrt(48 * MathF.Log(2)), z.Z1, 1e-5f);
    }
}
