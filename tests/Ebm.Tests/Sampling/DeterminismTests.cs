using Ebm.Sampling;
using static Ebm.Tests.Sampling.SamplingFixtures;

namespace Ebm.Tests.Sampling;

public class DeterminismTests
{
    // 700 chains are three chunks, so two threads really split the work.
    private static readonly IEnergyModel Model = Mixture(2, [-2, 0, 1.5, 1, 0, -2], [0.3, 0.5, 0.2], 0.8f);
    private static readonly float[] Start = Uniform(2 * 700, -4, 4, 9);

    [Fact]
    public void UlaIsIdenticalForOneAndTwoThreads()
    {
        var one = Langevin.Ula(Model, One(Start), new LangevinOptions(0.1f, 30, Seed: 2) { MaxDegreeOfParallelism = 1, RecordEvery = 7 });
        var two = Langevin.Ula(Model, One(Start), new LangevinOptions(0.1f, 30, Seed: 2) { MaxDegreeOfParallelism = 2, RecordEvery = 7 });
        Assert.Equal(one.States[0], two.States[0]);
        Assert.Equal(one.Recorded.SelectMany(r => r.States[0]), two.Recorded.SelectMany(r => r.States[0]));
    }

    [Fact]
    public void MalaIsIdenticalForOneAndTwoThreads()
    {
        var one = Langevin.Mala(Model, One(Start), new LangevinOptions(0.3f, 30, Seed: 2) { MaxDegreeOfParallelism = 1 });
        var two = Langevin.Mala(Model, One(Start), new LangevinOptions(0.3f, 30, Seed: 2) { MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.States[0], two.States[0]);
        Assert.Equal(one.AcceptedMoves, two.AcceptedMoves);
    }

    /// <summary>Persistent chains: 10 moves, then 10 more from the result with FirstStep = 10, equal 20 moves at once.</summary>
    [Fact]
    public void ContinuingFromAResultEqualsOneLongRun()
    {
        var options = new LangevinOptions(0.3f, 10, Seed: 4);
        var first = Langevin.Mala(Model, One(Start), options);
        var second = Langevin.Mala(Model, One(first.States[0]), options with { FirstStep = 10 });
        var whole = Langevin.Mala(Model, One(Start), options with { Steps = 20 });
        Assert.Equal(whole.States[0], second.States[0]);
    }

    [Fact]
    public void AnotherSeedGivesOtherSamples()
    {
        var a = Langevin.Ula(Model, One(Start), new LangevinOptions(0.1f, 5, Seed: 2));
        var b = Langevin.Ula(Model, One(Start), new LangevinOptions(0.1f, 5, Seed: 3));
        Assert.NotEqual(a.States[0], b.States[0]);
    }
}
