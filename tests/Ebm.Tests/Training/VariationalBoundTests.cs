using Ebm.Models;
using Ebm.Numerics;
using Ebm.Partition;
using Ebm.Rng;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>
/// The DBM's variational lower bound: log p(v) − bound is KL(q ‖ p(h | v)), computed here by enumerating h with the
/// energies of whole binary states (the bound itself evaluates the energy once, at the means).
/// </summary>
public sealed class VariationalBoundTests
{
    private static IGibbsModel RandomDbm(int v, int h1, int h2, ulong seed, float scale)
    {
        var p = DeepBoltzmannMachine.Parameters.Create(v: v, h1: h1, h2: h2, seed: 1);
        var theta = new float[p.ToVector().Length];
        new RandomStream(seed, 0, 0).FillNormal(theta);
        for (int i = 0; i < theta.Length; i++)
            theta[i] *= scale;
        return DeepBoltzmannMachine.Create(p.WithVector(theta));
    }

    [Fact]
    public void GapIsTheKlDivergenceFromTheMeanFieldPosterior()
    {
        const int V = 6, H1 = 4, H2 = 3, Rows = 8;
        IGibbsModel model = RandomDbm(V, H1, H2, 11, 0.8f);
        float[] data = TinyModels.BinaryRows(Rows, V, 5);
        double logZ = ExactLogZ.Compute(model).LogZ;
        VariationalBoundResult bound = VariationalBound.Compute(model, data, logZ);

        // Mean-field means again (what the bound used), then KL by enumeration per row.
        for (int r = 0; r < Rows; r++)
        {
            float[] row = data[(r * V)..((r + 1) * V)];
            (double[] logJoint, float[][] hs) = Joint(model, row, H1, H2);
            double logMarginal = StableMath.LogSumExp(logJoint);
            double[] mu1 = MeanFieldOf(model, row, H1, H2, out double[] mu2);
            double kl = 0;
            for (int k = 0; k < logJoint.Length; k++)
            {
                double logQ = 0;
                for (int j = 0; j < H1; j++)
                    logQ += hs[0][k * H1 + j] == 1f ? Math.Log(mu1[j]) : Math.Log(1 - mu1[j]);
                for (int j = 0; j < H2; j++)
                    logQ += hs[1][k * H2 + j] == 1f ? Math.Log(mu2[j]) : Math.Log(1 - mu2[j]);
                double q = Math.Exp(logQ);
                kl += q * (logQ - (logJoint[k] - logMarginal));
            }
            double exact = logMarginal - logZ;
            Assert.True(kl >= -1e-9, $"row {r}: KL {kl}");
            Assert.True(bound.RowBounds[r] <= exact + 1e-4, $"row {r}: bound {bound.RowBounds[r]} above log p {exact}");
            Assert.Equal(exact - kl, bound.RowBounds[r], 2e-3);
        }
    }

    [Fact]
    public void ForAnRbmTheBoundIsTheLogLikelihood()
    {
        var p = BernoulliRbm.Parameters.Create(v: 8, h: 5, seed: 1);
        var theta = new float[p.ToVector().Length];
        new RandomStream(3, 0, 0).FillNormal(theta);
        IGibbsModel model = BernoulliRbm.Create(p.WithVector(theta));
        float[] data = TinyModels.BinaryRows(20, 8, 9);
        double logZ = ExactLogZ.Compute(model).LogZ;
        double exact = ExactLogLikelihood.Mean(model, "h", data, logZ);
        VariationalBoundResult bound = VariationalBound.Compute(model, data, logZ);
        Assert.Equal(exact, bound.MeanBound, 1e-3);
        Assert.Equal(2, bound.Sweeps);   // one sweep is exact, the second sees no change
    }

    [Fact]
    public void MoreSweepsNeverLowerTheBound()
    {
        IGibbsModel model = RandomDbm(10, 6, 4, 2, 1.2f);
        float[] data = TinyModels.BinaryRows(30, 10, 4);
        double last = double.NegativeInfinity;
        foreach (int sweeps in new[] { 1, 2, 3, 5, 10, 50 })
        {
            double b = VariationalBound.Compute(model, data, 0, sweeps, null).MeanBound;
            Assert.True(b >= last - 1e-5, $"{sweeps} sweeps: {b} < {last}");
            last = b;
        }
    }

    [Fact]
    public void AisEvaluationOfADbmReportsTheBoundWithAisLogZ()
    {
        IGibbsModel model = RandomDbm(10, 5, 3, 8, 0.5f);
        float[] data = TinyModels.BinaryRows(50, 10, 6);
        double logZ = ExactLogZ.Compute(model).LogZ;
        double withExact = VariationalBound.Compute(model, data, logZ).MeanBound;
        var options = new TrainingOptions(1, 1, 1f, 3) { AisRuns = 200, AisTransitions = 2000 };
        LikelihoodResult ais = LikelihoodEvaluation.Evaluate(model, data, LogLikelihoodEstimate.Ais, options);
        Assert.True(ais.IsLowerBound);
        Assert.Equal(logZ, ais.LogZ, 4 * ais.LogZStandardError + 0.02);
        Assert.Equal(withExact, ais.MeanLogLikelihood, 4 * ais.LogZStandardError + 0.02);
        LikelihoodResult exact = LikelihoodEvaluation.Evaluate(model, data, LogLikelihoodEstimate.Exact, options);
        Assert.False(exact.IsLowerBound);
        Assert.True(withExact <= exact.MeanLogLikelihood + 1e-4);
    }

    [Fact]
    public void AModelWithLateralTermsIsRefused()
    {
        var model = BoltzmannMachine.Create(BoltzmannMachine.Parameters.Create(v: 6, h: 3, beta: 1f, seed: 1));
        var e = Assert.Throws<ArgumentException>(() => VariationalBound.Compute(model, TinyModels.BinaryRows(4, 6, 1), 0));
        Assert.StartsWith("The hidden group 'h' of 'BoltzmannMachine' has terms among its own units", e.Message);
    }

    // log of the unnormalised joint e^(−E(v, h1, h2)) for every (h1, h2), and those states.
    private static (double[] LogJoint, float[][] Hidden) Joint(IGibbsModel model, float[] v, int h1, int h2)
    {
        int n = 1 << (h1 + h2), vSize = v.Length;
        var vs = new float[n * vSize];
        var a = new float[n * h1];
        var b = new float[n * h2];
        for (int k = 0; k < n; k++)
        {
            v.CopyTo(vs, k * vSize);
            for (int j = 0; j < h1; j++)
                a[k * h1 + j] = (k >> j) & 1;
            for (int j = 0; j < h2; j++)
                b[k * h2 + j] = (k >> (h1 + j)) & 1;
        }
        var energies = new float[n];
        model.Energy([vs, a, b], energies);
        return ([.. energies.Select(e => -(double)e)], [a, b]);
    }

    // Mean field written out for the DBM: h2 ← σ(W2ᵀμ1 + c2), h1 ← σ(W1ᵀv + W2μ2 + c1), from μ = 0, to convergence.
    private static double[] MeanFieldOf(IGibbsModel model, float[] v, int h1, int h2, out double[] mu2)
    {
        var theta = new float[model.Layout.ParameterCount];
        model.CopyParameters(theta);
        ModelLayout l = model.Layout;
        int w1 = l.Parameter("W1").Offset, w2 = l.Parameter("W2").Offset, c1 = l.Parameter("c1").Offset, c2 = l.Parameter("c2").Offset;
        var mu1 = new double[h1];
        mu2 = new double[h2];
        for (int sweep = 0; sweep < 500; sweep++)
        {
            for (int k = 0; k < h2; k++)
            {
                double x = theta[c2 + k];
                for (int j = 0; j < h1; j++)
                    x += theta[w2 + j * h2 + k] * mu1[j];
                mu2[k] = 1 / (1 + Math.Exp(-x));
            }
            for (int j = 0; j < h1; j++)
            {
                double x = theta[c1 + j];
                for (int i = 0; i < v.Length; i++)
                    x += theta[w1 + i * h1 + j] * v[i];
                for (int k = 0; k < h2; k++)
                    x += theta[w2 + j * h2 + k] * mu2[k];
                mu1[j] = 1 / (1 + Math.Exp(-x));
            }
        }
        return mu1;
    }
}
