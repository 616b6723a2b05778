using System.CommandLine;
using Ebm.LinearAlgebra;

namespace Ebm.Cli.Commands;

/// <summary>`ebm bench WORKLOAD`: the standard workloads of the performance goals, one figure each.</summary>
internal static class BenchCommand
{
    /// <summary>The result every bench workload prints: {"workload", "throughput", "unit"} plus its shape.</summary>
    internal sealed record BenchResult(string Workload, double Throughput, string Unit, int? M = null, int? K = null, int? N = null, int? Threads = null);

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var bench = new Command("bench", "Measure a standard workload and print its throughput.");
        bench.Subcommands.Add(Gemm(contextOf));
        return bench;
    }

    private static Command Gemm(Func<ParseResult, CliContext> contextOf)
    {
        var m = new Option<int>("--m") { Description = "Rows of A and C (the batch).", DefaultValueFactory = _ => 512 };
        var k = new Option<int>("--k") { Description = "Columns of A, rows of B (visible units).", DefaultValueFactory = _ => 784 };
        var n = new Option<int>("--n") { Description = "Columns of B and C (hidden units).", DefaultValueFactory = _ => 500 };
        var seconds = new Option<double>("--seconds") { Description = "Time to spend measuring.", DefaultValueFactory = _ => 2.0 };
        var threads = new Option<int>("--threads") { Description = "Cores to use (default: all).", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("gemm", "Single-precision C = A·B, 512×784 · 784×500 by default, in GFLOP/s.") { m, k, n, seconds, threads };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int mv = Positive(parse.GetValue(m), "--m"), kv = Positive(parse.GetValue(k), "--k"), nv = Positive(parse.GetValue(n), "--n");
            int tv = Positive(parse.GetValue(threads), "--threads");
            double sv = parse.GetValue(seconds);
            if (!(sv > 0))
                throw new ArgumentException($"--seconds must be positive, got {sv}.");
            cli.Info($"gemm {mv}×{kv} · {kv}×{nv} on {tv} thread(s) for {sv:0.#} s …");
            double gflops = GemmThroughput.Measure(mv, nv, kv, sv, tv);
            cli.Result(new BenchResult("gemm", Math.Round(gflops, 2), "GFLOP/s", mv, kv, nv, tv),
                $"gemm {mv}×{kv}·{kv}×{nv}: {gflops:0.0} GFLOP/s ({tv} thread(s))");
            return EbmCommand.Success;
        });
        return command;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be a positive integer, got {value}.");
}
