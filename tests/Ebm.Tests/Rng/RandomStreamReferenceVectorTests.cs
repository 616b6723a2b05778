using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>
/// The reference values of specs/rng.md §5 (seed 42, stream 7, step 1000), which the OpenCL port is checked
/// against. They were cross-checked with an independent Python implementation of the spec; words, uniforms and
/// Bernoulli draws are exact, normals depend on the platform's log/cos/sin and get a relative tolerance.
/// </summary>
public class RandomStreamReferenceVectorTests
{
    private static readonly RandomStream Stream = new(42, 7, 1000);

    [Fact]
    public void WordsAndUniformsAreExact()
    {
        Assert.Equal([0x92024b08u, 0xdbd4e165u, 0x903b8db9u, 0x00a3e78eu], Enumerable.Range(0, 4).Select(u => Stream.Bits((uint)u)));
        Assert.Equal([0x3f12024cu, 0x3f5bd4e2u, 0x3f103b8eu, 0x3b23e800u],
            Enumerable.Range(0, 4).Select(u => BitConverter.SingleToUInt32Bits(Stream.Uniform((uint)u))));
        Assert.Equal([0.57034749432442378, 0.56340871008113769, 0.65733401750312814, 0.65939159417670168],
            Enumerable.Range(0, 4).Select(u => Stream.UniformDouble((uint)u)));
    }

    [Fact]
    public void BernoulliDrawsAreExact()
    {
        Assert.Equal([false, false, false, true], Enumerable.Range(0, 4).Select(u => Stream.Bernoulli((uint)u, 0.5f)));
        Assert.Equal([true, false, true, true], Enumerable.Range(0, 4).Select(u => Stream.BernoulliLogit((uint)u, 0.3f)));
    }

    [Theory]
    [InlineData(0u, 0.668890953f, -0.97672763389488648)]
    [InlineData(1u, -0.821951032f, -0.41112292403950979)]
    [InlineData(2u, 1.071082f, -0.49379085580164456)]
    [InlineData(3u, 0.0168327056f, -0.77155464748167712)]
    public void NormalsMatchToTheStatedTolerance(uint unit, float single, double @double)
    {
        Assert.True(MathF.Abs(Stream.Normal(unit) - single) <= 1e-6f * MathF.Abs(single), $"float normal {Stream.Normal(unit):R}");
        Assert.True(Math.Abs(Stream.NormalDouble(unit) - @double) <= 1e-14 * Math.Abs(@double), $"double normal {Stream.NormalDouble(unit):R}");
    }
}
