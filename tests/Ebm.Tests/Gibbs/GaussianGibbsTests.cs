using Ebm.Sampling;

namespace Ebm.Tests.Gibbs;

/// <summary>
/// Gibbs on a Gaussian–Bernoulli RBM (Gaussian visible block): integrating v out in closed form,
/// log p(h) = cᵀh + bᵀWh/σ + ‖Wh‖²/2 + const and E[v | h] = b + σWh, so the hidden marginal and the
/// visible mean have exact values independent of the sampler and of the generated conditionals.
/// </summary>
public sealed class GaussianGibbsTests
{
    [Fact]
    public void Hidden_marginal_and_visible_mean_match_the_closed_form()
    {
        const int V = 2, H = 3, Chains = 20_000;
        const float Sigma = 0.8f;
        var model = TestModels.GbRbm(V, H, Sigma, scale: 0.6f, seed: 17);
        var p = model.Parameters;
        float[] W = p.W.ToArray(), b = p.b.ToArray(), c = p.c.ToArray();

        var logWeights = new double[1 << H];
        var wh = new double[1 << H, V];
        for (int k = 0; k < logWeights.Length; k++)
        {
            double lw = 0;
            for (int j = 0; j < H; j++)
                lw += (k >> j & 1) * c[j];
            for (int i = 0; i < V; i++)
            {
                double a = 0;
                for (int j = 0; j < H; j++)
                    a += W[i * H + j] * (k >> j & 1);
                wh[k, i] = a;
                lw += b[i] * a / Sigma + a * a / 2;
            }
            logWeights[k] = lw;
        }
        double max = logWeights.Max(), z = logWeights.Sum(w => Math.Exp(w - max));
        double[] probabilities = logWeights.Select(w => Math.Exp(w - max) / z).ToArray();

        float[][] start = [new float[Chains * V], TestModels.RandomBinaryStates(model, Chains, 2)[1]];
        GibbsResult result = GibbsSampler.Run(model, start, new GibbsOptions(60, 3) { BurnIn = 40, RecordEvery = 10 });
        var counts = new long[1 << H];
        var sum = new double[V];
        var sumSquares = new double[V];
        long n = 0;
        foreach (GibbsSample sample in result.Samples)
            for (int r = 0; r < Chains; r++, n++)
            {
                int k = 0;
                for (int j = 0; j < H; j++)
                    k |= (sample.States[1][r * H + j] == 1f ? 1 : 0) << j;
                counts[k]++;
                for (int i = 0; i < V; i++)
                {
                    double x = sample.States[0][r * V + i];
                    sum[i] += x;
                    sumSquares[i] += x * x;
                }
            }
        Assert.True(JointDistribution.ChiSquarePValue(counts, probabilities) > 1e-3);
        for (int i = 0; i < V; i++)
        {
            double expected = b[i] + Sigma * Enumerable.Range(0, 1 << H).Sum(k => probabilities[k] * wh[k, i]);
            double mean = sum[i] / n, sd = Math.Sqrt(sumSquares[i] / n - mean * mean);
            Assert.True(Math.Abs(mean - expected) < 4 * sd / Math.Sqrt(n), $"v[{i}]: mean {mean}, expected {expected}");
        }
    }

    [Fact]
    public void A_zero_sigma_is_no_gaussian_and_stops_the_sweep_with_the_group_and_chain()
    {
        var model = TestModels.GbRbm(2, 3, sigma: 0f, scale: 0.6f, seed: 17);
        float[][] start = [new float[4 * 2], TestModels.RandomBinaryStates(model, 4, 2)[1]];
        var error = Assert.Throws<InvalidOperationException>(() => GibbsSampler.Run(model, start, new GibbsOptions(2, 3)));
        Assert.Contains("Gaussian group 'v'", error.Message);
        Assert.Contains("chain 0, unit 0", error.Message);
    }
}
