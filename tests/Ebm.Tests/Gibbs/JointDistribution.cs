using Ebm.Tests.Rng;

namespace Ebm.Tests.Gibbs;

/// <summary>
/// The exact joint distribution of an all-binary model by brute force over every state with the plain
/// single-state energy (the independent oracle of the sampler tests), and Pearson's goodness of fit of sampled
/// states against it. State index k holds unit j of the concatenated groups (in layout order) in bit j.
/// </summary>
internal static class JointDistribution
{
    public static int Units(IEnergyModel model) => model.Layout.States.Sum(g => g.Size);

    public static double[] Exact(IEnergyModel model)
    {
        int n = Units(model);
        var logWeights = new double[1 << n];
        for (int k = 0; k < logWeights.Length; k++)
            logWeights[k] = -model.Energy(State(model, k));
        double max = logWeights.Max();
        double sum = logWeights.Sum(w => Math.Exp(w - max));
        return logWeights.Select(w => Math.Exp(w - max) / sum).ToArray();
    }

    public static ReadOnlyMemory<float>[] State(IEnergyModel model, long k)
    {
        int bit = 0;
        return model.Layout.States.Select(g =>
        {
            var u = new float[g.Size];
            for (int i = 0; i < g.Size; i++, bit++)
                u[i] = (k >> bit & 1) == 1 ? 1f : 0f;
            return new ReadOnlyMemory<float>(u);
        }).ToArray();
    }

    /// <summary>Counts the rows of <paramref name="states"/> (one array per group, rows are chains) by state index into <paramref name="counts"/>.</summary>
    public static void Count(IEnergyModel model, IReadOnlyList<float[]> states, long[] counts, int rowStride = 1, int rowOffset = 0)
    {
        var sizes = model.Layout.States.Select(g => g.Size).ToArray();
        int rows = states[0].Length / sizes[0];
        for (int r = rowOffset; r < rows; r += rowStride)
        {
            int k = 0, bit = 0;
            for (int g = 0; g < sizes.Length; g++)
                for (int i = 0; i < sizes[g]; i++, bit++)
                {
                    float u = states[g][r * sizes[g] + i];
                    Assert.True(u is 0f or 1f, $"unit {i} of group {g} holds {u}");
                    if (u == 1f)
                        k |= 1 << bit;
                }
            counts[k]++;
        }
    }

    /// <summary>
    /// The p-value of Pearson's chi-square of <paramref name="counts"/> against <paramref name="probabilities"/>.
    /// The least likely states are pooled into one cell until it expects at least 5, and every other state
    /// expects at least 5 or is pooled too, so that the χ² approximation holds.
    /// </summary>
    public static double ChiSquarePValue(long[] counts, double[] probabilities)
    {
        long total = counts.Sum();
        int[] order = Enumerable.Range(0, counts.Length).OrderBy(k => probabilities[k]).ToArray();
        double statistic = 0, pooledExpected = 0;
        long pooledObserved = 0;
        int cells = 0;
        foreach (int k in order)
        {
            double expected = total * probabilities[k];
            if (expected < 5 || pooledExpected < 5)
            {
                pooledExpected += expected;
                pooledObserved += counts[k];
                continue;
            }
            statistic += (counts[k] - expected) * (counts[k] - expected) / expected;
            cells++;
        }
        statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
        cells++;
        Assert.True(cells >= Math.Min(10, counts.Length - 1), $"only {cells} cells: too few samples for a meaningful test");
        return TestStatistics.ChiSquarePValue(statistic, cells - 1);
    }
}
