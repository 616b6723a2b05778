using BenchmarkDotNet.Attributes;
using Ebm.Models;
using Ebm.Rng;

namespace Ebm.Benchmarks;

/// <summary>
/// The generated energy and input gradient of MlpEnergy 784-256-256-1 on a batch of 128 chains — the
/// work of one Langevin step of the `langevin-mlp` workload — and the normal draws the step adds.
/// Chain-steps/s = 128 / mean time; the PyTorch peer is ../shared/peers/torch_langevin.py (mlp_autograd).
/// </summary>
public class MlpGradientBenchmarks
{
    private const int Chains = 128;
    private MlpEnergy.Model _model = null!;
    private float[] _x = [];
    private float[] _dx = [];
    private float[] _energies = [];
    private float[] _noise = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = MlpEnergy.Create(MlpEnergy.Parameters.Create(784, 256, 256, seed: 0));
        _x = new float[Chains * 784];
        new RandomStream(1, 0, 0).FillUniform(_x);
        _dx = new float[_x.Length];
        _energies = new float[Chains];
        _noise = new float[_x.Length];
    }

    [Benchmark(Baseline = true)]
    public void EnergyAndInputGradient() => _model.StateGradient(_x, _dx, _energies);

    [Benchmark]
    public void NormalNoise() => new RandomStream(2, 0, 7).FillNormal(_noise);
}
