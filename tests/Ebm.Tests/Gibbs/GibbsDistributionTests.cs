using Ebm.Sampling;

namespace Ebm.Tests.Gibbs;

/// <summary>
/// The sampler's empirical joint distribution against the exact one by enumeration. Samples: 20,000 chains from
/// uniform random states, recorded every 10 sweeps after 50 sweeps of burn-in (3 per chain). Chains are
/// independent streams, and at 10 sweeps apart a chain's states are nearly independent for these weight scales,
/// so Pearson's statistic is close to χ²; the test fails at p &lt; 10⁻³ (seeds fixed, so the outcome is fixed).
/// A wrong conditional (sign, a missing u² = u correction, a stale logit in a sequential block) moves
/// probabilities by far more than the ≈ 1/√60,000 resolution.
/// </summary>
public sealed class GibbsDistributionTests
{
    private const double Significance = 1e-3;

    private static double PValue(IGibbsModel model, int chains, ulong seed)
    {
        var options = new GibbsOptions(80, seed) { BurnIn = 50, RecordEvery = 10 };
        GibbsResult result = GibbsSampler.Run(model, TestModels.RandomBinaryStates(model, chains, seed + 1), options);
        Assert.Equal(3, result.Samples.Count);
        var counts = new long[1 << JointDistribution.Units(model)];
        foreach (GibbsSample sample in result.Samples)
            JointDistribution.Count(model, sample.States, counts);
        return JointDistribution.ChiSquarePValue(counts, JointDistribution.Exact(model));
    }

    [Fact]
    public void Lecture_boltzmann_machine_sequential_blocks_match_the_exact_joint()
    {
        var model = TestModels.Bm(v: 2, h: 3, beta: 1f, scale: 1f, seed: 11);
        Assert.All(model.Structure.GibbsBlocks, b => Assert.True(b.IsSequential));
        Assert.True(PValue(model, 20_000, 5) > Significance);
    }

    [Fact]
    public void Boltzmann_machine_at_another_beta_matches_the_exact_joint()
    {
        var model = TestModels.Bm(v: 2, h: 3, beta: 0.6f, scale: 1.5f, seed: 12);
        Assert.True(PValue(model, 20_000, 6) > Significance);
    }

    [Fact]
    public void Rbm_6x4_block_gibbs_matches_the_exact_joint()
    {
        var model = TestModels.Rbm(v: 6, h: 4, scale: 0.7f, seed: 13);
        Assert.True(PValue(model, 20_000, 7) > Significance);
    }

    [Fact]
    public void Deep_boltzmann_machine_blocks_of_two_groups_match_the_exact_joint()
    {
        var model = TestModels.Dbm(v: 3, h1: 3, h2: 2, scale: 0.8f, seed: 14);
        Assert.Equal(2, model.Structure.GibbsBlocks[0].Groups.Count);
        Assert.True(PValue(model, 20_000, 8) > Significance);
    }

    [Fact]
    public void The_test_rejects_a_wrong_distribution()
    {
        // The same samples against the joint of other weights: the test has power at this sample size.
        var model = TestModels.Rbm(v: 6, h: 4, scale: 0.7f, seed: 13);
        var other = TestModels.Rbm(v: 6, h: 4, scale: 0.7f, seed: 99);
        GibbsResult result = GibbsSampler.Run(model, TestModels.RandomBinaryStates(model, 20_000, 8),
            new GibbsOptions(80, 7) { BurnIn = 50, RecordEvery = 10 });
        var counts = new long[1 << 10];
        foreach (GibbsSample sample in result.Samples)
            JointDistribution.Count(model, sample.States, counts);
        Assert.True(JointDistribution.ChiSquarePValue(counts, JointDistribution.Exact(other)) < 1e-10);
    }
}
