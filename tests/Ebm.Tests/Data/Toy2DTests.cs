using Ebm.Data;

namespace Ebm.Tests.Data;

/// <summary>
/// The toy sets' statistics against their definitions (mixture weights, means and spreads; ring radii; the moons'
/// shapes; the swiss roll's spiral; checkerboard occupancy), each within five standard errors, and their determinism.
/// </summary>
public class Toy2DTests
{
    private const int N = 40_000;

    public static TheoryData<ToyDataset> Kinds => new(Enum.GetValues<ToyDataset>());

    private static Dataset Sample(ToyDataset kind, int count, ulong seed) => kind switch
    {
        ToyDataset.Moons => Toy2D.Moons(count, seed),
        ToyDataset.Rings => Toy2D.Rings(count, seed),
        ToyDataset.Mixture8 => Toy2D.Mixture8(count, seed),
        ToyDataset.Mixture2 => Toy2D.TwoModes(count, seed),
        ToyDataset.SwissRoll => Toy2D.SwissRoll(count, seed),
        ToyDataset.Checkerboard => Toy2D.Checkerboard(count, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SamplesAreAPureFunctionOfSeedAndIndex(ToyDataset kind)
    {
        Dataset a = Sample(kind, 500, 11);
        Assert.Equal(a, Sample(kind, 500, 11));
        Assert.Equal([2], a.ItemShape);
        Assert.Equal(500, a.Rows);
        Assert.All(a.Values.ToArray(), v => Assert.True(float.IsFinite(v)));
        Assert.NotEqual(a.Values.ToArray(), Sample(kind, 500, 12).Values.ToArray());
        // The first 100 of 500 are the set of 100.
        Dataset head = Sample(kind, 100, 11);
        Assert.Equal(head.Values.ToArray(), a.Values[..200].ToArray());
        Assert.Equal(head.Labels, a.Labels.Take(head.Labels.Count));
        Assert.Contains("seed 11", a.Source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheTestSplitContinuesAfterTheTrainingSamples(ToyDataset kind)
    {
        DataSplits splits = Toy2D.Load(kind, 300, 200, 5);
        Dataset all = Sample(kind, 500, 5);
        Assert.Equal(all.Values[..600].ToArray(), splits.Train.Values.ToArray());
        Assert.Equal(all.Values[600..].ToArray(), splits.Test!.Values.ToArray());
        Assert.Contains("samples 300-499", splits.Test.Source);
    }

    [Fact]
    public void Mixture8HasEqualWeightsAndTheComponentsMeansAndSpread()
    {
        AssertMixture(Toy2D.Mixture8(N, 1), Toy2D.Mixture8Components);
        Assert.All(Toy2D.Mixture8Components, c => Assert.InRange(Math.Sqrt(c.MeanX * c.MeanX + c.MeanY * c.MeanY), 4 - 1e-12, 4 + 1e-12));
    }

    [Fact]
    public void TwoModesHasWeightsOneFifthAndFourFifths()
    {
        Dataset data = Toy2D.TwoModes(N, 2);
        AssertMixture(data, Toy2D.TwoModesComponents);
        Assert.InRange(data.Labels.Count(l => l == 0) / (double)N, 0.2 - Tolerance(0.2, N), 0.2 + Tolerance(0.2, N));
    }

    [Fact]
    public void AGeneralMixtureHonoursUnequalWeightsAndZeroSpread()
    {
        MixtureComponent[] parts = [new(1, 0, 0, 0), new(3, 10, -10, 0.1), new(6, -3, 2, 2)];
        Dataset data = Toy2D.GaussianMixture(N, 3, parts);
        AssertMixture(data, parts);
        // A component of std 0 puts every point exactly on its mean.
        Assert.All(Enumerable.Range(0, N).Where(i => data.Labels[i] == 0), i => Assert.Equal([0f, 0f], data.Row(i).ToArray()));
    }

    [Fact]
    public void BadMixturesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => Toy2D.GaussianMixture(1, 0, []));
        Assert.Throws<ArgumentException>(() => Toy2D.GaussianMixture(1, 0, [new(0, 0, 0, 1)]));
        Assert.Throws<ArgumentException>(() => Toy2D.GaussianMixture(1, 0, [new(1, 0, 0, -1)]));
        Assert.Throws<ArgumentException>(() => Toy2D.GaussianMixture(1, 0, [new(double.NaN, 0, 0, 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Toy2D.Moons(1, 0, -0.1f));
        Assert.Throws<ArgumentException>(() => Toy2D.Rings(1, 0, [1f, 0f], 0.1f));
    }

    [Fact]
    public void RingsHaveTheirRadiiAndEqualCounts()
    {
        Dataset noiseless = Toy2D.Rings(N, 4, Toy2D.DefaultRingRadii, 0);
        Assert.All(Enumerable.Range(0, N), i => Assert.InRange(Radius(noiseless.Row(i)) - Toy2D.DefaultRingRadii[noiseless.Labels[i]], -1e-5, 1e-5));

        Dataset data = Toy2D.Rings(N, 4);
        int k = Toy2D.DefaultRingRadii.Count;
        for (int ring = 0; ring < k; ring++)
        {
            int[] members = Enumerable.Range(0, N).Where(i => data.Labels[i] == ring).ToArray();
            Assert.InRange(members.Length / (double)N, 1.0 / k - Tolerance(1.0 / k, N), 1.0 / k + Tolerance(1.0 / k, N));
            double r = Toy2D.DefaultRingRadii[ring], s = Toy2D.DefaultRingNoise;
            // With isotropic noise s the mean distance from the origin is about r + s²/(2r); its spread about s.
            double meanRadius = members.Average(i => Radius(data.Row(i)));
            Assert.InRange(meanRadius, r + s * s / (2 * r) - 5 * s / Math.Sqrt(members.Length), r + s * s / (2 * r) + 5 * s / Math.Sqrt(members.Length));
            // Angles are uniform: the mean direction is near zero (each cosine has variance 1/2).
            Assert.InRange(members.Average(i => data.Row(i)[0] / Radius(data.Row(i))), -5 / Math.Sqrt(2.0 * members.Length), 5 / Math.Sqrt(2.0 * members.Length));
        }
    }

    [Fact]
    public void MoonsLieOnTheirHalfCircles()
    {
        Dataset noiseless = Toy2D.Moons(N, 6, 0);
        for (int i = 0; i < N; i++)
        {
            float x = noiseless.Row(i)[0], y = noiseless.Row(i)[1];
            if (noiseless.Labels[i] == 0)
            {
                Assert.InRange(Math.Sqrt(x * x + y * y), 1 - 1e-5, 1 + 1e-5);
                Assert.True(y >= -1e-6, $"upper moon point ({x}, {y}) below the axis");
            }
            else
            {
                Assert.InRange(Math.Sqrt((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)), 1 - 1e-5, 1 + 1e-5);
                Assert.True(y <= 0.5 + 1e-6, $"lower moon point ({x}, {y}) above its axis");
            }
        }

        Dataset data = Toy2D.Moons(N, 6);
        double upper = data.Labels.Count(l => l == 0) / (double)N;
        Assert.InRange(upper, 0.5 - Tolerance(0.5, N), 0.5 + Tolerance(0.5, N));
        // E[cos t] = 0 and E[sin t] = 2/π for t uniform on (0, π]; each coordinate's spread is below 0.75.
        foreach ((int label, double mx, double my) in new[] { (0, 0.0, 2 / Math.PI), (1, 1.0, 0.5 - 2 / Math.PI) })
        {
            int[] members = Enumerable.Range(0, N).Where(i => data.Labels[i] == label).ToArray();
            double tol = 5 * 0.75 / Math.Sqrt(members.Length);
            Assert.InRange(members.Average(i => data.Row(i)[0]), mx - tol, mx + tol);
            Assert.InRange(members.Average(i => data.Row(i)[1]), my - tol, my + tol);
        }
        float noise = Toy2D.DefaultMoonsNoise;
        Assert.All(data.Values.ToArray().Chunk(2), p =>
        {
            Assert.InRange(p[0], -1 - 6 * noise, 2 + 6 * noise);
            Assert.InRange(p[1], -0.5 - 6 * noise, 1 + 6 * noise);
        });
    }

    [Fact]
    public void TheSwissRollIsTheSpiralOfRadiusTOverFive()
    {
        Dataset noiseless = Toy2D.SwissRoll(N, 7, 0);
        Assert.Empty(noiseless.Labels);
        for (int i = 0; i < N; i++)
        {
            double t = 5 * Radius(noiseless.Row(i));
            Assert.InRange(t, 1.5 * Math.PI - 1e-4, 4.5 * Math.PI + 1e-4);
            // The direction of the point is the angle t itself.
            Assert.InRange(noiseless.Row(i)[0] / Radius(noiseless.Row(i)) - Math.Cos(t), -1e-4, 1e-4);
            Assert.InRange(noiseless.Row(i)[1] / Radius(noiseless.Row(i)) - Math.Sin(t), -1e-4, 1e-4);
        }
        // t is uniform on [1.5π, 4.5π]: mean 3π, std π·√3 (of width 3π).
        double meanT = Enumerable.Range(0, N).Average(i => 5 * Radius(noiseless.Row(i)));
        double tol = 5 * Math.PI * Math.Sqrt(3) / Math.Sqrt(N);
        Assert.InRange(meanT, 3 * Math.PI - tol, 3 * Math.PI + tol);

        Dataset noisy = Toy2D.SwissRoll(N, 7);
        // Same t per sample (unit 0) plus noise 1/5 on each coordinate: the residual has variance 2·(1/5)².
        double meanSquare = Enumerable.Range(0, N).Average(i =>
        {
            double dx = noisy.Row(i)[0] - noiseless.Row(i)[0], dy = noisy.Row(i)[1] - noiseless.Row(i)[1];
            return dx * dx + dy * dy;
        });
        Assert.InRange(meanSquare, 0.08 * (1 - 5 * Math.Sqrt(1.0 / N)), 0.08 * (1 + 5 * Math.Sqrt(1.0 / N)));
    }

    [Fact]
    public void TheCheckerboardFillsItsEightSquaresEquallyAndNothingElse()
    {
        Dataset data = Toy2D.Checkerboard(N, 8);
        var counts = new int[4, 4];
        foreach (float[] p in data.Values.ToArray().Chunk(2))
        {
            Assert.InRange(p[0], -4f, 4f);
            Assert.InRange(p[1], -4f, 4f);
            counts[(int)MathF.Ceiling(p[0] / 2) + 1, (int)MathF.Ceiling(p[1] / 2) + 1]++;
        }
        for (int c = 0; c < 4; c++)
            for (int r = 0; r < 4; r++)
            {
                if ((c + r) % 2 == 1)
                    Assert.Equal(0, counts[c, r]);
                else
                    Assert.InRange(counts[c, r] / (double)N, 0.125 - Tolerance(0.125, N), 0.125 + Tolerance(0.125, N));
            }
        // Within a square the points are uniform: the mean offset from the square's centre is near 0 (variance 1/3 per axis).
        double meanOffset = data.Values.ToArray().Chunk(2).Average(p => p[0] - (2 * MathF.Ceiling(p[0] / 2) - 1));
        Assert.InRange(meanOffset, -5 / Math.Sqrt(3.0 * N), 5 / Math.Sqrt(3.0 * N));
    }

    /// <summary>Counts by component within binomial tolerance; per component, mean and variance within five standard errors.</summary>
    private static void AssertMixture(Dataset data, IReadOnlyList<MixtureComponent> parts)
    {
        double total = parts.Sum(c => c.Weight);
        for (int k = 0; k < parts.Count; k++)
        {
            MixtureComponent c = parts[k];
            double p = c.Weight / total;
            int[] members = Enumerable.Range(0, data.Rows).Where(i => data.Labels[i] == k).ToArray();
            Assert.InRange(members.Length / (double)data.Rows, p - Tolerance(p, data.Rows), p + Tolerance(p, data.Rows));
            int n = members.Length;
            for (int axis = 0; axis < 2; axis++)
            {
                double mean = axis == 0 ? c.MeanX : c.MeanY;
                double[] x = members.Select(i => (double)data.Row(i)[axis]).ToArray();
                double m = x.Average();
                double v = x.Sum(e => (e - m) * (e - m)) / (n - 1);
                Assert.InRange(m, mean - 5 * c.Std / Math.Sqrt(n) - 1e-6, mean + 5 * c.Std / Math.Sqrt(n) + 1e-6);
                // The sample variance of n normals has standard error σ²·√(2/(n−1)).
                double sv = c.Std * c.Std;
                Assert.InRange(v, sv * (1 - 5 * Math.Sqrt(2.0 / (n - 1))) - 1e-9, sv * (1 + 5 * Math.Sqrt(2.0 / (n - 1))) + 1e-9);
            }
        }
    }

    private static double Tolerance(double p, int n) => 5 * Math.Sqrt(p * (1 - p) / n);

    private static double Radius(ReadOnlySpan<float> point) => Math.Sqrt((double)point[0] * point[0] + (double)point[1] * point[1]);
}
