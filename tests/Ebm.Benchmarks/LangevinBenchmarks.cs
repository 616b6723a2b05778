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
        _model = StandardWorkloads.RingOfEight();
        // Starting points 4·N(0, I), like the peer's.
        _start = StandardWorkloads.NormalStart(Chains, 2, 4f, seed: 1);
    }

    [Benchmark(OperationsPerInvoke = Chains * Steps)]
    public float[] UlaMixture8() => Langevin.Ula(_model, [_start], new LangevinOptions(0.01f, Steps, Seed: 7)).States[0];

    [Benchmark(OperationsPerInvoke = Chains * Steps)]
    public float[] MalaMixture8() => Langevin.Mala(_model, [_start], new LangevinOptions(0.01f, Steps, Seed: 7)).States[0];
}
