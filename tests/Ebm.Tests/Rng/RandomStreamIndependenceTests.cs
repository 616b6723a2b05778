using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>
/// Streams that differ in one key or counter field — stream id, step, seed — and neighbouring draws of one stream
/// must look independent: Pearson correlation within 5/√n (r ≈ N(0, 1/n) under independence, two-sided
/// α ≈ 6·10⁻⁷) and a chi-square test of the pairs on a 10 × 10 grid (99 degrees of freedom, α = 10⁻³).
/// </summary>
public class RandomStreamIndependenceTests
{
    private const int N = 1 << 17;
    private const ulong Seed = 0xA5A5_5A5A_0F0F_F0F0UL;

    public static TheoryData<string, RandomStream, RandomStream> Neighbours => new()
    {
        { "streams 0 and 1", new(Seed, 0, 10), new(Seed, 1, 10) },
        { "streams 7 and 0x80000007", new(Seed, 7, 10), new(Seed, 0x80000007, 10) },
        { "steps t and t + 1", new(Seed, 3, 41), new(Seed, 3, 42) },
        { "steps 0 and 2^32 (high word)", new(Seed, 3, 0), new(Seed, 3, 1UL << 32) },
        { "seeds s and s + 1", new(Seed, 3, 10), new(Seed + 1, 3, 10) },
        { "seeds s and s ^ 2^32 (high word)", new(Seed, 3, 10), new(Seed ^ (1UL << 32), 3, 10) },
    };

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void NeighbouringStreamsAreUncorrelated(string what, RandomStream a, RandomStream b)
    {
        AssertUncorrelated(Uniforms(a, 0), Uniforms(b, 0), what + ", uniforms");
        AssertUncorrelated(Normals(a), Normals(b), what + ", normals");
    }

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void NeighbouringStreamsPassAPairChiSquare(string what, RandomStream a, RandomStream b)
    {
        double p = PairChiSquarePValue(Uniforms(a, 0), Uniforms(b, 0));
        Assert.True(p > 1e-3, $"{what}: p = {p} ≤ α = 1e-3");
    }

    [Theory]
    [InlineData(1)] // neighbouring words of one block
    [InlineData(3)] // across a block boundary
    [InlineData(4)] // the same word of consecutive blocks
    public void DrawsOfOneStreamAtLagAreIndependent(int lag)
    {
        // Disjoint pairs (u_j, u_{j+lag}) for j mod 2·lag < lag, so every draw is used once and the pairs are
        // independent under the null hypothesis (overlapping pairs would not give a χ² statistic).
        double[] u = Uniforms(new RandomStream(Seed, 9, 123), 0);
        var x = new List<double>();
        var y = new List<double>();
        for (int start = 0; start + 2 * lag <= u.Length; start += 2 * lag)
        {
            for (int r = 0; r < lag; r++)
            {
                x.Add(u[start + r]);
                y.Add(u[start + r + lag]);
            }
        }
        AssertUncorrelated(x.ToArray(), y.ToArray(), $"lag {lag}");
        double p = PairChiSquarePValue(x.ToArray(), y.ToArray());
        Assert.True(p > 1e-3, $"lag {lag}: p = {p} ≤ α = 1e-3");
    }

    [Fact]
    public void PairChiSquareDetectsDependentStreams()
    {
        // A stream paired with itself puts everything on the diagonal; paired with a noisy copy, mostly near it.
        var stream = new RandomStream(Seed, 9, 123);
        double[] u = Uniforms(stream, 0);
        double[] noisy = Uniforms(stream.AtStep(124), 0).Zip(u, (v, w) => (0.9 * w + 0.1 * v)).ToArray();
        Assert.True(PairChiSquarePValue(u, u) < 1e-10);
        Assert.True(PairChiSquarePValue(u, noisy) < 1e-10);
    }

    private static double[] Uniforms(RandomStream s, uint firstUnit)
    {
        var u = new float[N];
        s.FillUniform(u, firstUnit);
        return TestStatistics.ToDouble(u);
    }

    private static double[] Normals(RandomStream s)
    {
        var z = new float[N];
        s.FillNormal(z);
        return TestStatistics.ToDouble(z);
    }

    private static void AssertUncorrelated(double[] x, double[] y, string what)
    {
        double r = TestStatistics.Correlation(x, y);
        Assert.True(Math.Abs(r) < 5 / Math.Sqrt(x.Length), $"{what}: r = {r}, bound ±{5 / Math.Sqrt(x.Length)}");
    }

    // Cell (⌈10x⌉ − 1, ⌈10y⌉ − 1) of uniforms in (0, 1]; expected N/100 per cell.
    private static double PairChiSquarePValue(double[] x, double[] y)
    {
        var counts = new long[100];
        for (int i = 0; i < x.Length; i++)
            counts[10 * ((int)Math.Ceiling(x[i] * 10) - 1) + (int)Math.Ceiling(y[i] * 10) - 1]++;
        return TestStatistics.ChiSquarePValue(TestStatistics.ChiSquareUniform(counts), 99);
    }
}
