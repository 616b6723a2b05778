using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Ebm.Numerics;

namespace Ebm.Benchmarks;

/// <summary>
/// Stable softmax and logsumexp against TensorPrimitives.SoftMax (which has no ±∞ conventions) and a
/// plain scalar loop, at a classifier's width, a mixture's and an RBM layer's.
/// </summary>
[MemoryDiagnoser]
public class SoftmaxBenchmarks
{
    private float[] _x = [];
    private float[] _y = [];

    [Params(10, 500, 100_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _x = Enumerable.Range(0, Length).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray();
        _y = new float[Length];
    }

    [Benchmark(Baseline = true)]
    public void StableSoftmax() => StableMath.Softmax(_x, _y, 1f);

    [Benchmark]
    public void TensorPrimitivesSoftMax() => TensorPrimitives.SoftMax(_x, _y);

    [Benchmark]
    public void ScalarLoop()
    {
        float max = float.NegativeInfinity;
        foreach (float v in _x)
            max = MathF.Max(max, v);
        float sum = 0;
        for (int i = 0; i < _x.Length; i++)
            sum += _y[i] = MathF.Exp(_x[i] - max);
        for (int i = 0; i < _y.Length; i++)
            _y[i] /= sum;
    }

    [Benchmark]
    public float LogSumExp() => StableMath.LogSumExp(_x);
}
