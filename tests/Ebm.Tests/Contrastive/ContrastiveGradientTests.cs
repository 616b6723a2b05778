using Ebm.Contrastive;
using Ebm.Models;
using Ebm.Rng;

namespace Ebm.Tests.Contrastive;

/// <summary>
/// The contrastive loss and its gradient against an oracle that shares no code with the generator: the MLP energy
/// written out by hand in double, the loss E_data[E] − E_neg[E] + α(E_data[E²] + E_neg[E²]) summed from it, and its
/// gradient by central differences.
/// </summary>
public sealed class ContrastiveGradientTests
{
    private static float[] Normals(int count, ulong seed, float scale)
    {
        var values = new float[count];
        new RandomStream(seed, 0, 0).FillNormal(values);
        for (int i = 0; i < count; i++)
            values[i] *= scale;
        return values;
    }

    /// <summary>w3ᵀ silu(W2 silu(W1x + b1) + b2) + b3 in double, reading θ through the model's layout.</summary>
    private static double HandEnergy(ModelLayout layout, double[] theta, ReadOnlySpan<float> x)
    {
        ParameterLayout w1 = layout.Parameter("W1"), b1 = layout.Parameter("b1"), w2 = layout.Parameter("W2"),
            b2 = layout.Parameter("b2"), w3 = layout.Parameter("w3"), b3 = layout.Parameter("b3");
        int d = x.Length, h1 = b1.Length, h2 = b2.Length;
        static double Silu(double v) => v / (1 + Math.Exp(-v));
        var a = new double[h1];
        for (int i = 0; i < h1; i++)
        {
            double s = theta[b1.Offset + i];
            for (int j = 0; j < d; j++)
                s += theta[w1.Offset + i * d + j] * x[j];
            a[i] = Silu(s);
        }
        double energy = theta[b3.Offset];
        for (int i = 0; i < h2; i++)
        {
            double s = theta[b2.Offset + i];
            for (int j = 0; j < h1; j++)
                s += theta[w2.Offset + i * h1 + j] * a[j];
            energy += theta[w3.Offset + i] * Silu(s);
        }
        return energy;
    }

    private static (double Loss, double Regularization) HandLoss(ModelLayout layout, double[] theta, float[] data, float[] negatives, double alpha)
    {
        double Mean(float[] rows, bool squared)
        {
            int n = rows.Length / 2;
            double sum = 0;
            for (int r = 0; r < n; r++)
            {
                double e = HandEnergy(layout, theta, rows.AsSpan(2 * r, 2));
                sum += squared ? e * e : e;
            }
            return sum / n;
        }
        return (Mean(data, false) - Mean(negatives, false), alpha * (Mean(data, true) + Mean(negatives, true)));
    }

    /// <remarks>
    /// 150 data rows and 70 negatives cross the trainer's 64-row chunks. θ ~ N(0, 0.6²) makes every layer
    /// non-linear. The oracle is in double, so the step 1e-4 leaves a truncation error ≈ h²·|L'''| ≈ 1e-8 and a rounding
    /// error ≈ 1e-16/h; what remains is the float rounding of the generated gradient: tolerance 2e-5 + 1e-4·|g|.
    /// </remarks>
    [Theory]
    [InlineData(0.0f)]
    [InlineData(0.3f)]
    public void GradientEqualsCentralDifferencesOfTheLossAndRegulariser(float alpha)
    {
        var p = MlpEnergy.Parameters.Create(x: 2, W1Rows: 5, W2Rows: 4, seed: 3);
        var model = MlpEnergy.Create(p.WithVector(Normals(p.Layout.ParameterCount, 11, 0.6f)));
        float[] data = Normals(150 * 2, 12, 1.5f), negatives = Normals(70 * 2, 13, 2f);
        ModelLayout layout = model.Layout;
        var theta = new float[layout.ParameterCount];
        model.CopyParameters(theta);
        double[] at = theta.Select(v => (double)v).ToArray();

        ContrastiveLossResult result = ContrastiveLoss.Evaluate(model, data, negatives, alpha);

        var (loss, regularization) = HandLoss(layout, at, data, negatives, alpha);
        Assert.Equal(loss, result.Loss, 1e-5);
        Assert.Equal(regularization, result.Regularization, 1e-5);
        const double h = 1e-4;
        for (int i = 0; i < at.Length; i++)
        {
            double keep = at[i];
            at[i] = keep + h;
            var (lp, rp) = HandLoss(layout, at, data, negatives, alpha);
            at[i] = keep - h;
            var (lm, rm) = HandLoss(layout, at, data, negatives, alpha);
            at[i] = keep;
            double expected = (lp + rp - lm - rm) / (2 * h);
            Assert.True(Math.Abs(result.Gradient[i] - expected) <= 2e-5 + 1e-4 * Math.Abs(expected),
                $"∂L/∂θ[{i}] ({layout.Parameters.First(q => i >= q.Offset && i < q.Offset + q.Length).Name}): {result.Gradient[i]} vs differences {expected}");
        }
    }

    [Fact]
    public void TheRegulariserIsTheOnlyTermThatMovesTheOutputBias()
    {
        // b3 shifts every energy alike, so the contrastive term cannot see it; the regulariser's part is 2α(E_data + E_neg).
        var p = MlpEnergy.Parameters.Create(x: 2, W1Rows: 3, W2Rows: 3, seed: 3);
        var model = MlpEnergy.Create(p.WithVector(Normals(p.Layout.ParameterCount, 21, 0.8f)));
        float[] data = Normals(20, 22, 1f), negatives = Normals(16, 23, 1f);
        int b3 = model.Layout.Parameter("b3").Offset;
        Assert.Equal(0, ContrastiveLoss.Evaluate(model, data, negatives, 0).Gradient[b3], 1e-6);
        ContrastiveLossResult regularised = ContrastiveLoss.Evaluate(model, data, negatives, 0.5f);
        Assert.Equal(2 * 0.5 * (regularised.DataEnergy + regularised.NegativeEnergy), regularised.Gradient[b3], 1e-5);
    }

    [Fact]
    public void ModelsWithoutOneContinuousGroupAndRaggedRowsAreRejected()
    {
        var rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 2, h: 2, seed: 1));
        Assert.Contains("one continuous state group", Assert.Throws<ArgumentException>(() => ContrastiveLoss.Evaluate(rbm, new float[4], new float[4], 0)).Message);
        var mlp = MlpEnergy.Create(MlpEnergy.Parameters.Create(x: 2, W1Rows: 2, W2Rows: 2, seed: 1));
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => ContrastiveLoss.Evaluate(mlp, new float[3], new float[4], 0)).ParamName);
        Assert.Equal("negatives", Assert.Throws<ArgumentException>(() => ContrastiveLoss.Evaluate(mlp, new float[4], new float[0], 0)).ParamName);
    }

    /// <remarks>
    /// Ties the trainer to the checked loss: with persistent chains the result's chains are the last update's negatives,
    /// so one plain-SGD update over the whole data must be θ − η·∇(L + R) at those negatives. Only the order of the data
    /// rows differs (the epoch's shuffle), which moves the float sums by rounding: 1e-6 of the step.
    /// </remarks>
    [Fact]
    public void TheTrainersUpdateIsAlongTheCheckedGradient()
    {
        var model = ContrastiveModels.Mlp(6, 5, 0.5f);
        Ebm.Data.Dataset data = Ebm.Data.Toy2D.Mixture8(60, 2);
        const float rate = 0.05f, alpha = 0.2f;
        var options = new ContrastiveOptions(1, 60, rate, 8)
        {
            Persistent = true, Chains = 40, LangevinSteps = 5, InitLower = -6, InitUpper = 6,
            RegularizationWeight = alpha, Optimizer = Ebm.Training.OptimizerKind.Sgd,
        };
        ContrastiveResult result = ContrastiveTrainer.Train(model, data, options);
        var theta = new float[model.Layout.ParameterCount];
        model.CopyParameters(theta);
        float[] gradient = ContrastiveLoss.Evaluate(model, data.Values, result.Chains, alpha).Gradient;
        double scale = rate * Math.Sqrt(gradient.Sum(g => (double)g * g));
        for (int i = 0; i < theta.Length; i++)
            Assert.True(Math.Abs(theta[i] - rate * gradient[i] - result.Parameters[i]) <= 1e-6 * scale + 1e-7 * Math.Abs(theta[i]),
                $"θ[{i}]: {result.Parameters[i]} vs {theta[i] - rate * gradient[i]}");
    }
}
