using Ebm.Data;
using Ebm.IO;
using Ebm.Models;
using Ebm.Partition;
using Ebm.Rng;
using Ebm.Tests.Gibbs;
using Xunit.Abstractions;

namespace Ebm.Tests.Partition;

/// <summary>
/// AIS against exact log Z (ExactLogZ, itself tested against brute force). Fixed seeds; each tolerance is stated
/// where it is asserted. AIS's log Ẑ is biased low by about half the variance of the log weights, so the
/// tolerances hold only with schedules long enough to make that variance small.
/// </summary>
public sealed class AisTests(ITestOutputHelper output)
{
    /// <summary>Rows whose unit i is on with probability 0.1 + 0.8·i/(n − 1): a data set with uneven marginals.</summary>
    private static float[] Data(int units, int rows, ulong seed)
    {
        var data = new float[rows * units];
        for (int r = 0; r < rows; r++)
        {
            var stream = new RandomStream(seed, (uint)r, 0);
            for (int i = 0; i < units; i++)
                data[r * units + i] = stream.Uniform((uint)i) < 0.1 + 0.8 * i / (units - 1) ? 1f : 0f;
        }
        return data;
    }

    [Fact]
    public void Schedule_of_the_paper_has_14500_transitions_dense_near_one()
    {
        IReadOnlyList<double> b = AisSchedule.SalakhutdinovMurray();
        Assert.Equal(14_501, b.Count);
        Assert.Equal(0.0, b[0]);
        Assert.Equal(0.5, b[500]);
        Assert.Equal(0.9, b[4_500]);
        Assert.Equal(1.0, b[^1]);
        Assert.All(Enumerable.Range(1, b.Count - 1), k => Assert.True(b[k] > b[k - 1]));
        Assert.Equal(1_451, AisSchedule.SalakhutdinovMurray(0.1).Count);
        Assert.Equal(new[] { 0, 0.25, 0.5, 0.75, 1.0 }, AisSchedule.Uniform(4));
        Assert.Throws<ArgumentException>(() => AisSchedule.Piecewise([0.5, 0.4, 1.0], [1, 1, 1]));
        Assert.Throws<ArgumentException>(() => AisSchedule.Piecewise([0.5], [3]));
    }

    /// <summary>Closed form Σ softplus(b) + H·ln 2 = ExactLogZ of the base model, to 10⁻⁴ (single-precision free energies).</summary>
    [Fact]
    public void Base_rate_log_z_in_closed_form_equals_exact_log_z()
    {
        const int V = 12, H = 5;
        var target = TestModels.Rbm(V, H, 1f, 3);
        float[] data = Data(V, 300, 4);
        IGibbsModel baseModel = AisBaseModel.BaseRate(target, "v", "b", data);
        double closed = AisBaseModel.LogZ(baseModel);
        Assert.Equal(ExactLogZ.Compute(baseModel).LogZ, closed, 1e-4);

        var theta = new float[baseModel.Layout.ParameterCount];
        baseModel.CopyParameters(theta);
        ParameterLayout b = baseModel.Layout.Parameters.Single(p => p.Name == "b");
        double expected = H * Math.Log(2);
        for (int i = 0; i < V; i++)
        {
            double mean = Enumerable.Range(0, 300).Average(r => data[r * V + i]);
            Assert.Equal(Math.Log(mean / (1 - mean)), theta[b.Offset + i], 1e-5);
            expected += Math.Log(1 + Math.Exp(theta[b.Offset + i]));
        }
        Assert.Equal(expected, closed, 1e-9);
        Assert.Equal(theta.Length - V, theta.Count(t => t == 0));
    }

    [Fact]
    public void Base_equal_to_target_gives_weights_of_one_and_the_base_log_z()
    {
        var rbm = TestModels.Rbm(8, 4, 1f, 5);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", Data(8, 100, 6));
        AisResult r = AnnealedImportanceSampling.Run(baseModel, baseModel, new AisOptions(AisSchedule.Uniform(50), 100, 7));
        Assert.All(r.LogWeights, w => Assert.Equal(0.0, w));
        Assert.Equal(r.BaseLogZ, r.LogZ);
        Assert.Equal(AisBaseModel.LogZ(baseModel), r.LogZ);
        Assert.Equal(0.0, r.StandardError);
    }

    /// <summary>RBM 10×6, parameters ~ N(0, 1): 3,000 uniform βs, 300 runs; |log Ẑ − log Z| &lt; 0.05 and &lt; 3 standard errors.</summary>
    [Fact]
    public void Rbm_log_z_matches_exact()
    {
        var rbm = TestModels.Rbm(10, 6, 1f, 11);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", Data(10, 500, 12));
        AisResult r = AnnealedImportanceSampling.Run(rbm, baseModel, new AisOptions(AisSchedule.Uniform(3000), 300, 13));
        AssertClose(ExactLogZ.Compute(rbm).LogZ, r, 0.05);
    }

    /// <summary>DBM 4-5-3 (h1 summed out, v and h2 sampled), parameters ~ N(0, 0.8²): 3,000 βs, 200 runs; within 0.05 and 3 standard errors.</summary>
    [Fact]
    public void Dbm_log_z_matches_exact()
    {
        var dbm = TestModels.Dbm(4, 5, 3, 0.8f, 21);
        IGibbsModel baseModel = AisBaseModel.BaseRate(dbm, "v", "b", Data(4, 200, 22));
        AisResult r = AnnealedImportanceSampling.Run(dbm, baseModel, new AisOptions(AisSchedule.Uniform(3000), 200, 23));
        AssertClose(ExactLogZ.Compute(dbm).LogZ, r, 0.05);
    }

    /// <summary>Boltzmann machine 3-3, β = 1 (nothing summable: joint energies, sequential blocks): 2,000 βs, 200 runs; within 0.05 and 3 standard errors.</summary>
    [Fact]
    public void Boltzmann_machine_log_z_matches_exact()
    {
        var bm = TestModels.Bm(3, 3, 1f, 0.7f, 31);
        IGibbsModel baseModel = AisBaseModel.BaseRate(bm, "v", "b", Data(3, 200, 32));
        AisResult r = AnnealedImportanceSampling.Run(bm, baseModel, new AisOptions(AisSchedule.Uniform(2000), 200, 33));
        AssertClose(ExactLogZ.Compute(bm).LogZ, r, 0.05);
    }

    [Fact]
    public void Result_does_not_depend_on_threads_and_depends_on_the_seed()
    {
        var rbm = TestModels.Rbm(6, 4, 1f, 41);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", Data(6, 100, 42));
        var options = new AisOptions(AisSchedule.Uniform(200), 150, 43);
        AisResult many = AnnealedImportanceSampling.Run(rbm, baseModel, options);
        AisResult one = AnnealedImportanceSampling.Run(rbm, baseModel, options with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(many, one);
        Assert.NotEqual(many.LogWeights, AnnealedImportanceSampling.Run(rbm, baseModel, options with { Seed = 44 }).LogWeights);
    }

    [Fact]
    public void Bad_base_models_and_schedules_are_rejected()
    {
        var rbm = TestModels.Rbm(6, 4, 1f, 51);
        float[] data = Data(6, 50, 52);
        // The Boltzmann machine's logits are beta·b, so b is not the bias as AIS's base rate means it.
        Assert.Contains("does not enter the energy", Assert.Throws<ArgumentException>(() => AisBaseModel.BaseRate(TestModels.Bm(6, 2, 0.6f, 1f, 1), "v", "b", data)).Message);
        Assert.Throws<ArgumentException>(() => AisBaseModel.BaseRate(rbm, "v", "c", data));
        Assert.Throws<ArgumentException>(() => AisBaseModel.BaseRate(rbm, "x", "b", data));
        Assert.Throws<ArgumentException>(() => AisBaseModel.BaseRate(rbm, "v", "b", new float[7]));
        Assert.Contains("not factorised", Assert.Throws<ArgumentException>(() => AnnealedImportanceSampling.Run(rbm, rbm, new AisOptions(AisSchedule.Uniform(3), 10, 1))).Message);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", data);
        Assert.Throws<ArgumentException>(() => AnnealedImportanceSampling.Run(rbm, baseModel, new AisOptions([0, 0.6, 0.5, 1], 10, 1)));
        Assert.Throws<ArgumentException>(() => AnnealedImportanceSampling.Run(rbm, baseModel, new AisOptions([0, 0.5], 10, 1)));
        Assert.Throws<ArgumentException>(() => AnnealedImportanceSampling.Run(TestModels.Rbm(6, 5, 1f, 1), baseModel, new AisOptions([0, 1], 10, 1)));
    }

    /// <summary>
    /// The test: an RBM with 20 hidden units trained on Fashion-MNIST (20 epochs of scikit-learn's PCD-1 at
    /// learning rate 0.05 on 10,000 images), log Z exact by enumerating the 2²⁰ hidden states with v summed out. The
    /// base rate is fitted to the embedded 3,000-image subset binarised at 0.5. Schedule: the paper's shape at
    /// <see cref="Fraction"/> of its 14,500 βs (2,900), <see cref="Runs"/> runs, to stay near 15 s on 2 cores:
    /// |log Ẑ − log Z| &lt; 0.4 and &lt; 3 standard errors (measured: 448.243 vs 448.119, standard error 0.21). The
    /// issue's 0.1-nat bound needs the full schedule: the next test.
    /// The fixture was made once by
    /// <c>source /work/shared/peers/env.sh; $OBP $PY /work/shared/peers/sklearn_rbm.py --hidden 20 --epochs 20 --n 10000 --lr 0.05 --out tests/Ebm.Tests/Partition/Fixtures/rbm20.npz</c>.
    /// (The one-epoch model at sklearn's default learning rate is barely trained: its mass sits on noise images
    /// with h = 0 while chains started from the data's base rate stay in a data-like mode, and AIS misses 21 nats
    /// there, as an independent numpy AIS does too.)
    /// </summary>
    [Fact]
    public void Fashion_mnist_rbm_with_20_hidden_units_matches_exact_log_z()
    {
        var (rbm, baseModel, exact) = FashionMnistRbm20();
        AisResult r = AnnealedImportanceSampling.Run(rbm, baseModel, new AisOptions(AisSchedule.SalakhutdinovMurray(Fraction), Runs, 61));
        AssertClose(exact, r, 0.4);
    }

    /// <summary>
    /// The bound itself: the same model and base with the paper's full schedule of 14,500 βs and 100 runs,
    /// |log Ẑ − log Z| &lt; 0.1 and &lt; 3 standard errors (about 70 s on 2 cores).
    /// </summary>
    [Fact]
    public void Fashion_mnist_rbm_with_20_hidden_units_matches_exact_log_z_within_a_tenth_of_a_nat_on_the_full_schedule()
    {
        var (rbm, baseModel, exact) = FashionMnistRbm20();
        AisResult r = AnnealedImportanceSampling.Run(rbm, baseModel, new AisOptions(AisSchedule.SalakhutdinovMurray(), Runs, 61));
        AssertClose(exact, r, 0.1);
    }

    private static (BernoulliRbm.Model Rbm, IGibbsModel Base, double ExactLogZ) FashionMnistRbm20()
    {
        SklearnRbmWeights w = SklearnRbmWeights.Read(Path.Combine(AppContext.BaseDirectory, "Partition", "Fixtures", "rbm20.npz"));
        var p = BernoulliRbm.Parameters.Create(v: w.Visible, h: w.Hidden, seed: 1);
        var theta = new float[p.Layout.ParameterCount];
        foreach ((string name, ReadOnlyMemory<float> values) in new[] { ("W", w.Weights), ("b", w.VisibleBias), ("c", w.HiddenBias) })
        {
            ParameterLayout slot = p.Layout.Parameters.Single(q => q.Name == name);
            Assert.Equal(slot.Length, values.Length);
            values.Span.CopyTo(theta.AsSpan(slot.Offset));
        }
        var rbm = BernoulliRbm.Create(p.WithVector(theta));
        ExactLogZResult exact = ExactLogZ.Compute(rbm);
        Assert.Equal("v", exact.SummedGroup);
        Dataset data = Binarization.Threshold(FashionMnist.LoadEmbedded().Train);
        return (rbm, AisBaseModel.BaseRate(rbm, "v", "b", data.Values), exact.LogZ);
    }

    private const double Fraction = 0.2;
    private const int Runs = 100;

    /// <summary>Exact draws of a small all-binary model's joint: inverse CDF over the brute-force distribution, one uniform per run.</summary>
    private static float[][] ExactSamples(IEnergyModel model, int runs, ulong seed)
    {
        double[] p = JointDistribution.Exact(model);
        var states = model.Layout.States.Select(g => new float[runs * g.Size]).ToArray();
        for (int r = 0; r < runs; r++)
        {
            double u = new RandomStream(seed, (uint)r, 0).UniformDouble(0), cumulative = 0;
            int k = 0;
            while (k < p.Length - 1 && (cumulative += p[k]) < u)
                k++;
            var state = JointDistribution.State(model, k);
            for (int g = 0; g < states.Length; g++)
                state[g].Span.CopyTo(states[g].AsSpan(r * model.Layout.States[g].Size));
        }
        return states;
    }

    /// <summary>Reverse AIS from exact samples of an RBM 10×6: 3,000 uniform βs, 300 runs; within 0.05 and 3 standard errors of exact log Z.</summary>
    [Fact]
    public void Reverse_ais_from_exact_samples_matches_exact()
    {
        var rbm = TestModels.Rbm(10, 6, 1f, 11);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", Data(10, 500, 12));
        AisResult r = AnnealedImportanceSampling.RunReverse(rbm, baseModel, new AisOptions(AisSchedule.Uniform(3000), 300, 14), ExactSamples(rbm, 300, 15));
        AssertClose(ExactLogZ.Compute(rbm).LogZ, r, 0.05);
    }

    /// <summary>
    /// With a short schedule the two directions err in opposite senses, as Jensen's inequality says they must in
    /// expectation: averaged over 20 seeds, forward AIS lies below log Z and reverse AIS from exact samples above
    /// it (RBM 10×6 with parameters ~ N(0, 1.5²), 20 βs, 100 runs per seed).
    /// </summary>
    [Fact]
    public void Forward_and_reverse_ais_bracket_log_z_on_a_short_schedule()
    {
        var rbm = TestModels.Rbm(10, 6, 1.5f, 31);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", Data(10, 500, 32));
        double exact = ExactLogZ.Compute(rbm).LogZ;
        double forward = 0, reverse = 0;
        const int Seeds = 20;
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            var options = new AisOptions(AisSchedule.Uniform(20), 100, 100 + seed);
            forward += AnnealedImportanceSampling.Run(rbm, baseModel, options).LogZ / Seeds;
            reverse += AnnealedImportanceSampling.RunReverse(rbm, baseModel, options, ExactSamples(rbm, 100, 200 + seed)).LogZ / Seeds;
        }
        output.WriteLine($"mean forward {forward}, exact {exact}, mean reverse {reverse}");
        Assert.True(forward < exact && exact < reverse, $"mean forward {forward}, exact {exact}, mean reverse {reverse}");
    }

    [Fact]
    public void Reverse_ais_rejects_samples_of_the_wrong_shape()
    {
        var rbm = TestModels.Rbm(6, 4, 1f, 51);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", Data(6, 50, 52));
        var options = new AisOptions(AisSchedule.Uniform(3), 10, 1);
        Assert.Contains("10 runs × 4 units", Assert.Throws<ArgumentException>(() =>
            AnnealedImportanceSampling.RunReverse(rbm, baseModel, options, [new float[60], new float[36]])).Message);
        Assert.Throws<ArgumentException>(() => AnnealedImportanceSampling.RunReverse(rbm, baseModel, options, [new float[60]]));
    }

    private void AssertClose(double exact, AisResult r, double tolerance)
    {
        output.WriteLine($"log Z = {exact}, log Ẑ = {r.LogZ} ± {r.StandardError}, [{r.LowerBound}, {r.UpperBound}]");
        double error = Math.Abs(r.LogZ - exact);
        Assert.True(error < tolerance, $"log Ẑ = {r.LogZ} vs log Z = {exact}: off by {error} ≥ {tolerance}");
        Assert.True(error < 3 * r.StandardError, $"log Ẑ = {r.LogZ} vs log Z = {exact}: off by {error} ≥ 3·{r.StandardError}");
        Assert.True(r.LowerBound < exact && exact < r.UpperBound, $"log Z = {exact} outside [{r.LowerBound}, {r.UpperBound}]");
    }
}
