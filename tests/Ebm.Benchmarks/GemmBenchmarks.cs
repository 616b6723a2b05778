using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ebm.LinearAlgebra;

/// <summary>
/// The three products of an RBM step at batch 512, 784 visible and 500 hidden units: V·W (hidden input),
/// H·Wᵀ (visible reconstruction) and Vᵀ·H (weight gradient), on one thread and on every core. The peer to
/// quote beside it is peers/numpy_gemm.py (V·W through OpenBLAS), run in the same session.
/// </summary>
[Config(typeof(Config))]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];

    public enum Product
    {
        /// <summary>V·W: 512×784 · 784×500.</summary>
        VW,
        /// <summary>H·Wᵀ: 512×500 · (784×500)ᵀ.</summary>
        HWt,
        /// <summary>Vᵀ·H: (512×784)ᵀ · 512×500.</summary>
        VtH,
    }

    [Params(Product.VW, Product.HWt, Product.VtH)]
    public Product Shape { get; set; }

    /// <summary>Most threads; -1 is every core.</summary>
    [Params(1, -1)]
    public int Threads { get; set; }

    /// <summary>Flops of one call, read by <see cref="GflopsColumn"/>.</summary>
    public double Flops => 2.0 * Dims.M * Dims.N * Dims.K;

    private (int M, int N, int K, Transpose TransA, Transpose TransB) Dims => Shape switch
    {
        Product.VW => (512, 500, 784, Transpose.No, Transpose.No),
        Product.HWt => (512, 784, 500, Transpose.No, Transpose.Yes),
        _ => (784, 500, 512, Transpose.Yes, Transpose.No),
    };

    [GlobalSetup]
    public void Setup()
    {
        var (m, n, k, _, _) = Dims;
        var random = new Random(1);
        _a = Enumerable.Range(0, m * k).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _b = Enumerable.Range(0, k * n).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _c = new float[m * n];
    }

    [Benchmark]
    public void Gemm()
    {
        var (m, n, k, ta, tb) = Dims;
        Blas.Gemm(ta, tb, m, n, k, 1f, _a, _b, 0f, _c, Threads);
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new GflopsColumn());
    }
}
