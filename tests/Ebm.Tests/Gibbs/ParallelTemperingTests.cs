using Ebm.Sampling;

namespace Ebm.Tests.Gibbs;

/// <summary>
/// Parallel tempering on the 6×4 RBM: replica 0 (β = 1) against the exact joint by chi-square (8,000 chains,
/// 4 replicas, recorded every 10 sweeps from sweep 40 to 100: 56,000 samples; fails at p &lt; 10⁻³ as in
/// <see cref="GibbsDistributionTests"/>); swaps are neither always nor never accepted; the result does not
/// depend on threads.
/// </summary>
public sealed class ParallelTemperingTests
{
    private static readonly float[] Betas = [1f, 0.7f, 0.45f, 0.2f];

    [Fact]
    public void Cold_replica_matches_the_exact_joint_and_swap_rates_are_in_0_1()
    {
        var model = TestModels.Rbm(v: 6, h: 4, scale: 1f, seed: 23);
        var start = ParallelTempering.Replicate(model, TestModels.RandomBinaryStates(model, 8_000, 2), Betas.Length);
        ParallelTemperingResult result = ParallelTempering.Run(model, start,
            new ParallelTemperingOptions(Betas, 100, 31) { BurnIn = 30, RecordEvery = 10 });

        Assert.Equal(7, result.Samples.Count);
        var counts = new long[1 << 10];
        foreach (GibbsSample sample in result.Samples)
            JointDistribution.Count(model, sample.States, counts);
        Assert.True(JointDistribution.ChiSquarePValue(counts, JointDistribution.Exact(model)) > 1e-3);

        Assert.Equal(Betas.Length - 1, result.SwapAcceptanceRates.Count);
        Assert.All(result.SwapAcceptanceRates, rate => Assert.InRange(rate, 0.01, 0.99));
        // States are replica 0 of the replicas, and the last sample is the final state.
        Assert.Equal(result.Samples[^1].States, result.States);
        Assert.Equal(result.States[0].AsSpan(0, 6).ToArray(), result.Replicas[0].AsSpan(0, 6).ToArray());
        Assert.Equal(result.States[0].AsSpan(6, 6).ToArray(), result.Replicas[0].AsSpan(4 * 6, 6).ToArray());
    }

    [Fact]
    public void One_thread_and_many_threads_give_identical_replicas_and_rates()
    {
        var model = TestModels.Bm(v: 2, h: 3, beta: 1f, scale: 1f, seed: 3);
        // 40 chains of 4 replicas span three chunks of 16 chains.
        var start = ParallelTempering.Replicate(model, TestModels.RandomBinaryStates(model, 40, 2), Betas.Length);
        var options = new ParallelTemperingOptions(Betas, 15, 8) { RecordEvery = 5, MaxDegreeOfParallelism = 1 };
        ParallelTemperingResult one = ParallelTempering.Run(model, start, options);
        ParallelTemperingResult many = ParallelTempering.Run(model, start, options with { MaxDegreeOfParallelism = 8 });
        Assert.Equal(one.Replicas, many.Replicas);
        Assert.Equal(one.SwapAcceptanceRates, many.SwapAcceptanceRates);
        Assert.Equal(one.Samples.Select(s => s.States), many.Samples.Select(s => s.States));

        ParallelTemperingResult first = ParallelTempering.Run(model, start, options with { Sweeps = 6, RecordEvery = 0 });
        ParallelTemperingResult rest = ParallelTempering.Run(model, first.Replicas, options with { Sweeps = 9, RecordEvery = 0, FirstSweep = first.NextSweep });
        Assert.Equal(one.Replicas, rest.Replicas);
    }

    [Fact]
    public void Bad_temperatures_gaussian_models_and_partial_chains_are_rejected()
    {
        var model = TestModels.Rbm(v: 2, h: 2, scale: 1f, seed: 1);
        var start = ParallelTempering.Replicate(model, TestModels.RandomBinaryStates(model, 3, 2), 2);
        Assert.Contains("1 = β₀", Assert.Throws<ArgumentException>(() => ParallelTempering.Run(model, start, new ParallelTemperingOptions([0.9f, 0.5f], 1, 1))).Message);
        Assert.Throws<ArgumentException>(() => ParallelTempering.Run(model, start, new ParallelTemperingOptions([1f, 1f], 1, 1)));
        Assert.Contains("whole number of chains", Assert.Throws<ArgumentException>(() => ParallelTempering.Run(model, start, new ParallelTemperingOptions([1f, 0.6f, 0.3f, 0.1f], 1, 1))).Message);
        var gaussian = TestModels.GbRbm(2, 2, 1f, 1f, 1);
        float[][] gaussianStart = [new float[4], new float[4]];
        Assert.Contains("binary models", Assert.Throws<ArgumentException>(() => ParallelTempering.Run(gaussian, gaussianStart, new ParallelTemperingOptions([1f, 0.5f], 1, 1))).Message);
    }
}
