using BenchmarkDotNet.Attributes;
using Ebm.Rng;

namespace Ebm.Benchmarks;

/// <summary>
/// Throughput of the counter-based generator on 1M-element fills. Times are per element
/// (OperationsPerInvoke), so draws per second = 1 / Mean; e.g. FillNormalSingle gives normals/s.
/// </summary>
[MemoryDiagnoser]
public class RandomBenchmarks
{
    private const int N = 1_000_000;
    private readonly float[] _floats = new float[N];
    private readonly double[] _doubles = new double[N];
    private readonly float[] _logits = Enumerable.Range(0, N).Select(i => (i % 17 - 8) * 0.5f).ToArray();
    private readonly uint[] _words = new uint[N];
    private readonly RandomStream _stream = new(42, 7, 1000);

    [Benchmark(OperationsPerInvoke = N)]
    public void FillNormalSingle() => _stream.FillNormal(_floats);

    [Benchmark(OperationsPerInvoke = N)]
    public void FillNormalDouble() => _stream.FillNormal(_doubles);

    [Benchmark(OperationsPerInvoke = N)]
    public void FillUniformSingle() => _stream.FillUniform(_floats);

    [Benchmark(OperationsPerInvoke = N)]
    public void FillBernoulliLogit() => _stream.FillBernoulliLogit(_logits, _floats);

    /// <summary>Raw words through the widest vector path available.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public void PhiloxWords() => Philox4x32.Fill(_stream.Key, _stream.Counter(0), _words);

    /// <summary>Raw words one block at a time: the baseline of the vector paths.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void PhiloxWordsScalar() => Philox4x32.FillScalar(_stream.Key, _stream.Counter(0), _words);
}
