using Ebm.Partition;
using Ebm.Tests.Gibbs;

namespace Ebm.Tests.Partition;

/// <summary>log p(v) = −F(v) − log Z against brute force log Σₕ e^(−E(v, h)) − log Z over both layers; tolerance 10⁻⁴ as in <see cref="ExactLogZTests"/>.</summary>
public sealed class ExactLogLikelihoodTests
{
    [Fact]
    public void Rbm_log_probabilities_match_brute_force_and_sum_to_one()
    {
        const int V = 4, H = 3;
        var model = TestModels.Rbm(V, H, scale: 1.2f, seed: 8);
        double logZ = BruteForce.LogZ(model);
        var data = new float[(1 << V) * V];
        var expected = new double[1 << V];
        for (int k = 0; k < 1 << V; k++)
        {
            var v = new float[V];
            for (int i = 0; i < V; i++)
                data[k * V + i] = v[i] = k >> i & 1;
            expected[k] = BruteForce.LogSumExp(Enumerable.Range(0, 1 << H).Select(m =>
            {
                var h = new float[H];
                for (int j = 0; j < H; j++)
                    h[j] = m >> j & 1;
                return -(double)model.Energy(v, h);
            }).ToList()) - logZ;
        }

        double[] actual = ExactLogLikelihood.LogProbabilities(model, "h", data, ExactLogZ.Compute(model).LogZ);
        for (int k = 0; k < expected.Length; k++)
            Assert.Equal(expected[k], actual[k], 1e-4);
        Assert.Equal(1.0, actual.Sum(Math.Exp), 1e-4);
        Assert.Equal(expected.Average(), ExactLogLikelihood.Mean(model, "h", data), 1e-4);
    }

    [Fact]
    public void Models_and_groups_it_cannot_handle_are_rejected()
    {
        var rbm = TestModels.Rbm(3, 2, 1f, 1);
        var dbm = TestModels.Dbm(2, 2, 2, 1f, 1);
        var bm = TestModels.Bm(2, 2, 1f, 1f, 1);
        Assert.Contains("has 3", Assert.Throws<ArgumentException>(() => ExactLogLikelihood.Mean(dbm, "h1", new float[2], 0)).Message);
        Assert.Contains("not a summable group", Assert.Throws<ArgumentException>(() => ExactLogLikelihood.Mean(bm, "h", new float[2], 0)).Message);
        Assert.Throws<ArgumentException>(() => ExactLogLikelihood.Mean(rbm, "h", new float[4], 0));
        Assert.Throws<ArgumentException>(() => ExactLogLikelihood.Mean(rbm, "h", Array.Empty<float>(), 0));
    }
}
