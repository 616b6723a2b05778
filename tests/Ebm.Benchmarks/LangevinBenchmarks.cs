using BenchmarkDotNet.Attributes;
using Ebm.Models;
using Ebm.Sampling;

namespace Ebm.Benchmarks;

/// <summary>
/// ULA on the peer's workload (peers/torch_langevin.py, mog_*): a 2-D mixture of 8 Gaussians, means on a circle of
/// radius 4, σ = 0.5, α = 0.01, 10,000 chains. Times are per chain-step (OperationsPerInvoke), so chain-steps/s =
/// 1 / Mean. Threads: all cores (2 on the reference machine), as the peer's --threads 2.
/// </summary>
[MemoryDiagnoser]
public class LangevinBenchmarks
{
    private const int Chains = 10_000;
    private const int Steps = 100;
    private IEnergyModel _model = null!;
    private float[] _start = null!;

    [GlobalSetup]
    public void Setup()
    {
        var means = new float[16];
        for (int k = 0; k < 8; k++)
        {
            means[2 * k] = (float)(4 * Math.Cos(2 * Math.PI * k / 8));
            means[2 * k + 1] = (float)(4 * Math.Sin(2 * Math.PI * k / 8));
        }
        var p = GaussianMixture.Parameters.Create(x: 2, meansRows: 8, sigma: 0.5f, seed: 0);
        _model = GaussianMixture.Create(p.WithVector([.. means, .. new float[8]]));
        // Equal weights (log 1 = 0), the peer's energy; starting points 4·N(0, I) like the peer's.
        _start = new float[2 * Chains];
        new Ebm.Rng.RandomStream(1, 0, 0).FillNormal(_start);
        for (int i = 0; i < _start.Length; i++)
            _start[i] *= 4;
    }

    [Benchmark(OperationsPerInvoke = Chains * Steps)]
    public float[] UlaMixture8() => Langevin.Ula(_model, [_start], new LangevinOptions(0.01f, Steps, Seed: 7)).States[0];

    [Benchmark(OperationsPerInvoke = Chains * Steps)]
    public float[] MalaMixture8() => Langevin.Mala(_model, [_start], new LangevinOptions(0.01f, Steps, Seed: 7)).States[0];
}
