using Ebm.Sampling;
using static Ebm.Tests.Sampling.SamplingFixtures;

namespace Ebm.Tests.Sampling;

public class DivergenceTests
{
    /// <summary>With α = 10⁶ on a unit Gaussian each move multiplies x by about −10⁶: float overflows within a few
    /// moves, and the exception names the move and the chain and keeps the last finite states.</summary>
    [Fact]
    public void AHugeStepStopsWithTheStepAndChain()
    {
        var model = Gaussian([1, 0, 0, 1], [0, 0]);
        float[] start = Uniform(2 * 10, 0.5f, 1, 3);
        var e = Assert.Throws<LangevinDivergenceException>(() => Langevin.Ula(model, One(start), new LangevinOptions(1e6f, 100, Seed: 1)));
        Assert.InRange(e.Step, 2, 20);
        Assert.InRange(e.Chain, 0, 9);
        Assert.Contains($"chain {e.Chain}", e.Message);
        Assert.Contains($"move {e.Step}", e.Message);
        Assert.All(e.LastGoodStates[0], v => Assert.True(float.IsFinite(v)));
        Assert.Contains(e.LastGoodStates[0], v => Math.Abs(v) > 1e6f);
    }

    [Fact]
    public void MalaStopsOnANonFiniteProposal()
    {
        var model = Gaussian([1, 0, 0, 1], [0, 0]);
        float[] start = Uniform(2 * 10, 0.5f, 1, 3);
        var e = Assert.Throws<LangevinDivergenceException>(() => Langevin.Mala(model, One(start), new LangevinOptions(1e30f, 5, Seed: 1)));
        Assert.Equal(1, e.Step);
        Assert.Equal(start, e.LastGoodStates[0]);
    }

    [Fact]
    public void BinaryGroupsAndBadInputsAreRejected()
    {
        var rbm = Ebm.Models.GaussianBernoulliRbm.Create(Ebm.Models.GaussianBernoulliRbm.Parameters.Create(v: 2, h: 2, sigma: 1f, seed: 1));
        var e = Assert.Throws<ArgumentException>(() => Langevin.Ula(rbm, [new float[2], new float[2]], new LangevinOptions(0.1f, 1, 1)));
        Assert.Contains("binary group 'h'", e.Message);
        var model = Gaussian([1, 0, 0, 1], [0, 0]);
        Assert.Throws<ArgumentException>(() => Langevin.Ula(model, One([1, 2, 3]), new LangevinOptions(0.1f, 1, 1)));
        Assert.Throws<ArgumentException>(() => Langevin.Ula(model, One([1, float.NaN]), new LangevinOptions(0.1f, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Langevin.Ula(model, One([1, 2]), new LangevinOptions(0f, 1, 1)));
        Assert.Throws<ArgumentException>(() => Langevin.Annealed(_ => model, One([1, 2]), new AnnealedLangevinOptions([1f, 2f], 0.1f, 1, 1)));
    }
}
