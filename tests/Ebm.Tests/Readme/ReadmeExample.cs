using Ebm.Dsl;
using Ebm.Models;
using Ebm.Partition;
using Ebm.Sampling;
using static Ebm.Dsl.Ops;

namespace Ebm.Tests.Readme;

// The README's tour, verbatim: if this file stops compiling or passing, the README is wrong.

/// <summary>A Gaussian well: E(x) = ‖x − μ‖² / (2s²), so p = N(μ, s²I).</summary>
[EnergyModel]
public static partial class GaussianWell
{
    public static Scalar Energy([State] Vec x, Vec mu, [Const] Scalar s)
        => Norm2(x - mu) / (2 * s * s);
}

public class ReadmeExample
{
    [Fact]
    public void Declare_sample_and_evaluate()
    {
        // Declare once; the generator derived Parameters, Create, the energy and its gradients.
        var parameters = GaussianWell.Parameters.Create(x: 2, s: 0.5f, seed: 1).WithVector([1f, -2f]);   // μ = (1, −2)
        var well = GaussianWell.Create(parameters);
        var start = new float[1000 * 2];                                                                  // 1,000 chains at 0
        LangevinResult run = Langevin.Mala(well, [start], new LangevinOptions(StepSize: 0.05f, Steps: 400, Seed: 7));
        float[] samples = run.States[0];                                                                  // 1,000 × 2, row-major

        // A Boltzmann machine from the same kind of declaration: exact log Z and Gibbs sampling.
        var rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 6, h: 4, seed: 3));
        double logZ = ExactLogZ.Compute(rbm).LogZ;
        GibbsResult chains = GibbsSampler.Run(rbm, [new float[100 * 6], new float[100 * 4]], sweeps: 50, seed: 11);

        double meanX = Enumerable.Range(0, 1000).Average(c => samples[2 * c]);
        double meanY = Enumerable.Range(0, 1000).Average(c => samples[2 * c + 1]);
        Assert.InRange(meanX, 1 - 0.1, 1 + 0.1);      // 1,000 samples of N(1, 0.25): 6 standard errors
        Assert.InRange(meanY, -2 - 0.1, -2 + 0.1);
        Assert.True(run.AcceptanceRate is > 0.5 and < 1);
        // Tiny weights N(0, 0.01²) leave the RBM almost uniform over its 2^10 states: log Z ≈ 10 ln 2 + ΣW/4,
        // and ΣW/4 over 24 weights has a standard deviation of 0.012.
        Assert.InRange(logZ, 10 * Math.Log(2) - 0.05, 10 * Math.Log(2) + 0.05);
        Assert.All(chains.States[0], v => Assert.True(v is 0f or 1f));
    }
}
