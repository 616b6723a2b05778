using BenchmarkDotNet.Running;
using Ebm.LinearAlgebra;

// `dotnet run -c Release --project tests/Ebm.Benchmarks -- --filter '*'` runs every benchmark;
// BenchmarkDotNet's switcher takes its usual options (--filter, --job short, --list flat).
// `... -- gemm-throughput M N K SECONDS THREADS` prints GemmThroughput.Measure as the JSON line that
// peers/numpy_gemm.py prints, for quoting the two side by side (THREADS -1: every core).
if (args is ["gemm-throughput", var m, var n, var k, var seconds, var threads])
{
    double gflops = GemmThroughput.Measure(int.Parse(m), int.Parse(n), int.Parse(k), double.Parse(seconds,
        System.Globalization.CultureInfo.InvariantCulture), int.Parse(threads));
    Console.WriteLine($$"""{"workload": "sgemm {{m}}x{{k}} @ {{k}}x{{n}}", "gflops": {{gflops.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}}, "threads": {{threads}}, "blas": "Ebm"}""");
    return;
}
// `... -- ais-rbm RUNS FRACTION` times AIS on a BernoulliRbm 784×500 with FRACTION of the paper's 14,500 βs.
if (args is ["ais-rbm", var runs, var fraction])
{
    Console.WriteLine(AisTiming.Measure(int.Parse(runs), double.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}
// `... -- exact-logz V H` times exact log Z of a BernoulliRbm V×H (the smaller layer enumerated).
if (args is ["exact-logz", var visible, var hidden])
{
    Console.WriteLine(ExactLogZTiming.Measure(int.Parse(visible), int.Parse(hidden)));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
