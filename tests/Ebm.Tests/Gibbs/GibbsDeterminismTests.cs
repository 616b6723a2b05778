using Ebm.Sampling;

namespace Ebm.Tests.Gibbs;

/// <summary>Results are a function of the seed and the starting states only: not of threads, nor of how a run is split.</summary>
public sealed class GibbsDeterminismTests
{
    private static readonly IGibbsModel Model = TestModels.Bm(v: 3, h: 2, beta: 1f, scale: 1f, seed: 3);

    [Fact]
    public void One_thread_and_many_threads_give_identical_chains_and_samples()
    {
        // 300 chains span five chunks, so the threaded run really runs chunks concurrently.
        float[][] start = TestModels.RandomBinaryStates(Model, 300, 4);
        GibbsResult one = GibbsSampler.Run(Model, start, new GibbsOptions(12, 9) { RecordEvery = 4, MaxDegreeOfParallelism = 1 });
        GibbsResult many = GibbsSampler.Run(Model, start, new GibbsOptions(12, 9) { RecordEvery = 4, MaxDegreeOfParallelism = 8 });
        Assert.Equal(one.States, many.States);
        Assert.Equal(3, many.Samples.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(4 * (k + 1), many.Samples[k].Sweep);
            Assert.Equal(one.Samples[k].States, many.Samples[k].States);
        }
    }

    [Fact]
    public void Continuing_persistent_chains_equals_one_longer_run()
    {
        float[][] start = TestModels.RandomBinaryStates(Model, 100, 5);
        GibbsResult whole = GibbsSampler.Run(Model, start, 10, 21);
        GibbsResult first = GibbsSampler.Run(Model, start, 4, 21);
        Assert.Equal(4UL, first.NextSweep);
        GibbsResult rest = GibbsSampler.Run(Model, first.States, new GibbsOptions(6, 21) { FirstSweep = first.NextSweep });
        Assert.Equal(whole.States, rest.States);
        Assert.Equal(10UL, rest.NextSweep);
        Assert.NotEqual(start, whole.States);
    }

    [Fact]
    public void Another_seed_gives_other_chains_and_the_input_is_not_written()
    {
        float[][] start = TestModels.RandomBinaryStates(Model, 100, 5);
        float[][] copy = start.Select(a => (float[])a.Clone()).ToArray();
        GibbsResult a = GibbsSampler.Run(Model, start, 5, 1);
        GibbsResult b = GibbsSampler.Run(Model, start, 5, 2);
        Assert.NotEqual(a.States, b.States);
        Assert.Equal(copy, start);
    }

    [Fact]
    public void Mismatched_states_and_models_without_blocks_are_rejected_by_name()
    {
        var bad = new[] { new float[3 * 4], new float[2 * 5] };
        var e = Assert.Throws<ArgumentException>(() => GibbsSampler.Run(Model, bad, 1, 1));
        Assert.Contains("rows", e.Message);
        Assert.Throws<ArgumentException>(() => GibbsSampler.Run(Model, [new float[3]], 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GibbsSampler.Run(Model, TestModels.RandomBinaryStates(Model, 2, 1), -1, 1));
    }
}
