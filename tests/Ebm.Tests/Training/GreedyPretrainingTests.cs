using Ebm.Models;
using Ebm.Partition;
using Ebm.Tests.Training.Models;
using Ebm.Training;
using Xunit.Abstractions;

namespace Ebm.Tests.Training;

/// <summary>Greedy layer-wise pretraining of a DBM, and the frozen parameters it is built on.</summary>
public sealed class GreedyPretrainingTests(ITestOutputHelper output)
{
    private static IGibbsModel Dbm(int h1, int h2) =>
        DeepBoltzmannMachine.Create(DeepBoltzmannMachine.Parameters.Create(v: 10, h1: h1, h2: h2, seed: 1));

    private static readonly TrainingOptions Stage = new(15, 20, 0.1f, 7) { Momentum = 0.5f };

    [Fact]
    public void CouplingsAreReadFromTheParameterGradient()
    {
        ModelLayout layout = Dbm(4, 3).Layout;
        IReadOnlyList<int[]> groups = ParameterCoupling.GroupsOf(Dbm(4, 3));
        var byName = layout.Parameters.Select((p, i) => (p.Name, Groups: string.Join(",", groups[i].Select(g => layout.States[g].Name))))
            .ToDictionary(x => x.Name, x => x.Groups);
        Assert.Equal("v,h1", byName["W1"]);
        Assert.Equal("h1,h2", byName["W2"]);
        Assert.Equal("v", byName["b"]);
        Assert.Equal("h1", byName["c1"]);
        Assert.Equal("h2", byName["c2"]);
        var bm = BoltzmannMachine.Create(BoltzmannMachine.Parameters.Create(v: 5, h: 3, beta: 1f, seed: 1));
        IReadOnlyList<int[]> lateral = ParameterCoupling.GroupsOf(bm);
        Assert.Equal([0], lateral[bm.Layout.Parameters.ToList().FindIndex(p => p.Name == "L")]);
        Assert.Equal([0, 1], lateral[bm.Layout.Parameters.ToList().FindIndex(p => p.Name == "W")]);
    }

    [Fact]
    public void EachStageIsAnRbmAndTheCompositionFollowsTheRule()
    {
        IGibbsModel dbm = Dbm(6, 4);
        PretrainingResult result = GreedyPretraining.Pretrain(dbm, TrainerTests.Patterns(), Stage);
        Assert.Equal(["v", "h1", "h2"], result.Layers);
        Assert.Equal(2, result.Stages.Count);
        ModelLayout l = dbm.Layout;
        float[] Of(float[] theta, string name) => theta.AsSpan(l.Parameter(name).Offset, l.Parameter(name).Length).ToArray();
        float[] initial = new float[l.ParameterCount];
        dbm.CopyParameters(initial);
        float[] s0 = result.Stages[0].Parameters, s1 = result.Stages[1].Parameters;

        // Stage 0 trains W1, b, c1 with W2 = 0 and h2's bias frozen; stage 1 trains W2, c1, c2 with W1 = 0, b frozen.
        Assert.All(Of(s0, "W2"), w => Assert.Equal(0f, w));
        Assert.Equal(Of(initial, "c2"), Of(s0, "c2"));
        Assert.NotEqual(Of(initial, "W1"), Of(s0, "W1"));
        Assert.All(Of(s1, "W1"), w => Assert.Equal(0f, w));
        Assert.Equal(Of(s0, "b"), Of(s1, "b"));
        Assert.NotEqual(Of(initial, "W2"), Of(s1, "W2"));

        // With W2 = 0 the DBM is an RBM over (v, h1) times independent h2: its exact log p(v), by enumerating the DBM,
        // is that of the BernoulliRbm with the same W1, b, c1 (free energy, h summed out in closed form).
        var rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 10, h: 6, seed: 1).WithVector([.. Of(s0, "W1"), .. Of(s0, "b"), .. Of(s0, "c1")]));
        float[] data = TrainerTests.Patterns().Values.ToArray();
        double rbmLogLik = ExactLogLikelihood.Mean(rbm, "h", data);
        double stageLogLik = LikelihoodEvaluation.Evaluate(result.Stages[0].Model, data, LogLikelihoodEstimate.Exact, Stage).MeanLogLikelihood;
        Assert.Equal(rbmLogLik, stageLogLik, 1e-3);

        float[] final = result.Parameters;
        Assert.Equal(Of(s0, "W1").Select(w => w * 0.5f), Of(final, "W1"));
        Assert.Equal(Of(s1, "W2").Select(w => w * 0.5f), Of(final, "W2"));
        Assert.Equal(Of(s0, "b"), Of(final, "b"));
        Assert.Equal(Of(s1, "c2"), Of(final, "c2"));
        Assert.Equal(Of(s0, "c1").Zip(Of(s1, "c1"), (a, b) => 0.5f * (a + b)), Of(final, "c1"));
    }

    [Fact]
    public void PretrainingGivesAFineTunedDbmAHeadStart()
    {
        IGibbsModel dbm = Dbm(6, 4);
        var data = TrainerTests.Patterns();
        float[] rows = data.Values.ToArray();
        double LogLik(IGibbsModel m) => LikelihoodEvaluation.Evaluate(m, rows, LogLikelihoodEstimate.Exact, Stage).MeanLogLikelihood;
        PretrainingResult pretrained = GreedyPretraining.Pretrain(dbm, data, Stage);
        var fineTune = Stage with { Epochs = 5 };
        double initial = LogLik(dbm), afterPretraining = LogLik(pretrained.Model);
        double fromPretrained = LogLik(Trainer.Train(pretrained.Model, data, fineTune).Model);
        double fromScratch = LogLik(Trainer.Train(dbm, data, fineTune).Model);
        output.WriteLine($"initial {initial:0.000}, pretrained {afterPretraining:0.000}, 5 epochs from pretraining {fromPretrained:0.000}, from scratch {fromScratch:0.000}");
        // Measured: see specs/training.md ("Greedy pretraining").
        Assert.True(afterPretraining > initial + 1.0, $"initial {initial}, pretrained {afterPretraining}");
        Assert.True(fromPretrained > fromScratch, $"5 epochs from pretraining {fromPretrained}, from scratch {fromScratch}");
        Assert.True(fromPretrained > -6.5, $"fine-tuned {fromPretrained}");
    }

    [Fact]
    public void GroupsThatAreNotAChainAreRefused()
    {
        var model = TwoBranchMachine.Create(TwoBranchMachine.Parameters.Create(v: 10, a: 3, b: 2, seed: 1));
        var e = Assert.Throws<ArgumentException>(() => GreedyPretraining.Pretrain(model, TrainerTests.Patterns(), Stage));
        Assert.StartsWith("The groups of 'TwoBranchMachine' do not form a chain of layers from 'v': 'v' couples to a, b.", e.Message);
    }

    [Fact]
    public void FrozenParametersKeepTheirBits()
    {
        var rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 10, h: 4, seed: 1));
        var initial = new float[rbm.Layout.ParameterCount];
        rbm.CopyParameters(initial);
        TrainingResult r = Trainer.Train(rbm, TrainerTests.Patterns(), Stage with { Epochs = 2, FrozenParameters = ["W"], Optimizer = OptimizerKind.Adam, Momentum = 0, WeightDecay = 0.01f });
        ParameterLayout w = rbm.Layout.Parameter("W"), b = rbm.Layout.Parameter("b");
        Assert.Equal(initial.AsSpan(w.Offset, w.Length).ToArray(), r.Parameters.AsSpan(w.Offset, w.Length).ToArray());
        Assert.NotEqual(initial.AsSpan(b.Offset, b.Length).ToArray(), r.Parameters.AsSpan(b.Offset, b.Length).ToArray());
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(rbm, TrainerTests.Patterns(), Stage with { FrozenParameters = ["Q"] }));
        Assert.StartsWith("'BernoulliRbm' has no trainable parameter 'Q' to freeze", e.Message);
    }
}
