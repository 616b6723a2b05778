using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ebm.LinearAlgebra;

/// <summary>
/// One sample through the RBM's 784×500 weights: Wᵀ·v (hidden input) and W·h (visible reconstruction).
/// Bandwidth-bound, so GFLOP/s here is far below GEMM's; the weights (1.5 MiB) stay in L2/L3.
/// </summary>
[Config(typeof(Config))]
public class GemvBenchmarks
{
    private const int Visible = 784, Hidden = 500;
    private float[] _w = [], _x = [], _y = [];

    [Params(Transpose.No, Transpose.Yes)]
    public Transpose Trans { get; set; }

    /// <summary>Flops of one call, read by <see cref="GflopsColumn"/>.</summary>
    public double Flops => 2.0 * Visible * Hidden;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _w = Enumerable.Range(0, Visible * Hidden).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _x = Enumerable.Range(0, Trans == Transpose.No ? Hidden : Visible).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _y = new float[Trans == Transpose.No ? Visible : Hidden];
    }

    [Benchmark]
    public void Gemv() => Blas.Gemv(Trans, Visible, Hidden, 1f, _w, _x, 0f, _y);

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new GflopsColumn());
    }
}
