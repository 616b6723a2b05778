using System.CommandLine;
using System.Diagnostics;
using Ebm.LinearAlgebra;
using Ebm.Models;
using Ebm.OpenCL;
using Ebm.Sampling;

namespace Ebm.Cli.Commands;

/// <summary>`ebm bench WORKLOAD`: the standard workloads of the performance goals, one figure each.</summary>
internal static class BenchCommand
{
    /// <summary>The result every bench workload prints: {"workload", "throughput", "unit"} plus its shape.</summary>
    internal sealed record BenchResult(string Workload, double Throughput, string Unit, int? M = null, int? K = null, int? N = null, int? Threads = null,
        int? Chains = null, int? Steps = null, string? Backend = null, string? Device = null,
        int? Visible = null, int? Hidden = null, int? Batch = null, int? Rows = null, int? Epochs = null);

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var bench = new Command("bench", "Measure a standard workload and print its throughput.");
        bench.Subcommands.Add(Gemm(contextOf));
        bench.Subcommands.Add(Langevin(contextOf, "langevin-mixture",
            "ULA on the 2-D mixture of 8 Gaussians (radius 4, σ = 0.5, α = 0.01) from 4·N(0, I), in chain-steps/s.",
            chains: 10_000, steps: 100, stepSize: 0.01f,
            () => StandardWorkloads.RingOfEight(), c => StandardWorkloads.NormalStart(c, 2, 4f, seed: 1)));
        bench.Subcommands.Add(Langevin(contextOf, "langevin-mlp",
            "ULA on the 784-256-256-1 SiLU energy (α = 0.001) from U(0, 1], in chain-steps/s.",
            chains: 128, steps: 60, stepSize: 1e-3f,
            () => StandardWorkloads.Mlp784(), c => StandardWorkloads.UniformStart(c, 784, seed: 1)));
        bench.Subcommands.Add(GibbsRbm(contextOf));
        bench.Subcommands.Add(RbmPcd1(contextOf));
        bench.Subcommands.Add(DsmMlp(contextOf));
        return bench;
    }

    private static Command RbmPcd1(Func<ParseResult, CliContext> contextOf)
    {
        var data = new Option<string>("--data") { DefaultValueFactory = _ => "fashion-mnist" };
        var rows = new Option<int>("--rows") { Description = "Training rows per epoch.", DefaultValueFactory = _ => 10_000 };
        var hidden = new Option<int>("--hidden") { DefaultValueFactory = _ => 500 };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 100 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs; the first is a warm-up, the median of the rest is reported.", DefaultValueFactory = _ => 3 };
        var command = new Command("rbm-pcd1", "PCD-1 training of a 784×500 Bernoulli RBM on binarised Fashion-MNIST (lr 0.01, batch 100), in samples/s.")
        {
            data, rows, hidden, batch, epochs,
        };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int e = Positive(parse.GetValue(epochs), "--epochs"), h = Positive(parse.GetValue(hidden), "--hidden"), b = Positive(parse.GetValue(batch), "--batch");
            var (train, _) = DataLoading.Load(parse.GetValue(data)!, binary: true, Positive(parse.GetValue(rows), "--rows"), 1, cli);
            IGibbsModel model = TrainableModels.Create("rbm", train.Columns, h, 0, 1f, 1);
            cli.Info($"rbm-pcd1: {train.Columns}×{h} RBM, {train.Rows} rows, batch {b}, {e} epoch(s) …");
            var options = new Training.TrainingOptions(e, b, 0.01f, 1) { MonitorRows = 1 };
            var history = Training.Trainer.Train(model, train, options).History;
            double[] rates = [.. history.Skip(e > 1 ? 1 : 0).Select(r => r.SamplesPerSecond).Order()];
            double rate = rates[rates.Length / 2];
            cli.Result(new BenchResult("rbm-pcd1", Math.Round(rate), "samples/s", Threads: Environment.ProcessorCount, Visible: train.Columns, Hidden: h, Batch: b, Rows: train.Rows, Epochs: e),
                $"rbm-pcd1: {rate:N0} samples/s ({train.Columns}×{h}, batch {b}, median of {rates.Length} epoch(s) of {train.Rows} rows)");
            return EbmCommand.Success;
        });
        return command;
    }

    private static Command DsmMlp(Func<ParseResult, CliContext> contextOf)
    {
        var hidden = new Option<int>("--hidden") { DefaultValueFactory = _ => 128 };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 256 };
        var steps = new Option<int>("--steps") { Description = "Updates per epoch.", DefaultValueFactory = _ => 100 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs; the first is a warm-up, the median of the rest is reported.", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "Threads over the chunks of a batch (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("dsm-mlp",
            "Denoising score matching of a 2-128-128-1 SiLU MLP energy on two moons (σ = 0.1, batch 256, Adam 1e-3), in updates (steps)/s; the peer is tests/Ebm.Benchmarks/peers/torch_dsm.py.")
        {
            hidden, batch, steps, epochs, threads,
        };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int h = Positive(parse.GetValue(hidden), "--hidden"), b = Positive(parse.GetValue(batch), "--batch");
            int t = Positive(parse.GetValue(steps), "--steps"), e = Positive(parse.GetValue(epochs), "--epochs"), n = Positive(parse.GetValue(threads), "--threads");
            Data.Dataset moons = Data.Toy2D.Moons(checked(b * t), 1);
            IScoreModel model = ContinuousModels.Create(false, 2, h, 1f, 1);
            var options = new ScoreMatching.ScoreTrainingOptions(ScoreMatching.ScoreMethod.Denoising, e, b, 1e-3f, 1) { Sigma = 0.1f, MaxDegreeOfParallelism = n };
            cli.Info($"dsm-mlp: 2-{h}-{h}-1 SiLU MLP, batch {b}, {t} updates × {e} epoch(s) on {n} thread(s) …");
            var history = ScoreMatching.ScoreTrainer.Train(model, moons, options).History;
            double[] rates = [.. history.Skip(e > 1 ? 1 : 0).Select(r => r.StepsPerSecond).Order()];
            double rate = rates[rates.Length / 2];
            cli.Result(new BenchResult("dsm-mlp", Math.Round(rate, 1), "steps/s", Threads: n, Hidden: h, Batch: b, Steps: t, Epochs: e),
                $"dsm-mlp: {rate:N1} steps/s (2-{h}-{h}-1, batch {b}, median of {rates.Length} epoch(s) of {t} updates, {n} thread(s))");
            return EbmCommand.Success;
        });
        return command;
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

    private static Command Langevin(Func<ParseResult, CliContext> contextOf, string name, string description,
        int chains, int steps, float stepSize, Func<IEnergyModel> model, Func<int, float[]> start)
    {
        var chainsOption = new Option<int>("--chains") { Description = "Number of chains.", DefaultValueFactory = _ => chains };
        var stepsOption = new Option<int>("--steps") { Description = "Steps per timed run.", DefaultValueFactory = _ => steps };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs after one warm-up run; the median is reported.", DefaultValueFactory = _ => 5 };
        var (backendOption, deviceOption) = BackendSelection.Options();

        var command = new Command(name, description) { chainsOption, stepsOption, repeats, backendOption, deviceOption };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int c = Positive(parse.GetValue(chainsOption), "--chains"), t = Positive(parse.GetValue(stepsOption), "--steps");
            int r = Positive(parse.GetValue(repeats), "--repeats");
            BackendSelection.Target target = BackendSelection.Resolve(cli, parse, backendOption, deviceOption);
            IEnergyModel m = model();
            float[] x0 = start(c);
            var options = new LangevinOptions(stepSize, t, Seed: 7);
            cli.Info($"{name}: {c} chains × {t} steps on {target}, {r} timed runs …");
            // One untimed run first, as the peers do: it pays for JIT compilation, pool warm-up and the kernels' build.
            double seconds = Median(r, () => Samplers.Ula(m, [x0], options, target.Backend));
            double rate = (double)c * t / seconds;
            cli.Result(new BenchResult(name, Math.Round(rate), "chain-steps/s", Threads: Environment.ProcessorCount, Chains: c, Steps: t,
                    Backend: target.Name, Device: target.Device),
                $"{name}: {rate:N0} chain-steps/s ({c} chains, median of {r} runs of {t} steps, {target})");
            return EbmCommand.Success;
        });
        return command;
    }

    private static Command GibbsRbm(Func<ParseResult, CliContext> contextOf)
    {
        var chainsOption = new Option<int>("--chains") { Description = "Number of chains.", DefaultValueFactory = _ => 1_000 };
        var sweepsOption = new Option<int>("--sweeps") { Description = "Sweeps (v then h) per timed run.", DefaultValueFactory = _ => 10 };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs after one warm-up run; the median is reported.", DefaultValueFactory = _ => 3 };
        var (backendOption, deviceOption) = BackendSelection.Options();

        var command = new Command("gibbs-rbm",
            "Block Gibbs sweeps of a 784×500 Bernoulli RBM (seeded N(0, 0.01²) weights) from Bernoulli(½) states, in chain-sweeps/s.")
        { chainsOption, sweepsOption, repeats, backendOption, deviceOption };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int c = Positive(parse.GetValue(chainsOption), "--chains"), t = Positive(parse.GetValue(sweepsOption), "--sweeps");
            int r = Positive(parse.GetValue(repeats), "--repeats");
            BackendSelection.Target target = BackendSelection.Resolve(cli, parse, backendOption, deviceOption);
            var model = StandardWorkloads.Rbm784x500();
            float[][] start = [StandardWorkloads.BernoulliStart(c, 784, seed: 1), StandardWorkloads.BernoulliStart(c, 500, seed: 2)];
            var options = new GibbsOptions(t, Seed: 7);
            cli.Info($"gibbs-rbm: {c} chains × {t} sweeps on {target}, {r} timed runs …");
            double seconds = Median(r, () => Samplers.Gibbs(model, start, options, target.Backend));
            double rate = (double)c * t / seconds;
            cli.Result(new BenchResult("gibbs-rbm", Math.Round(rate), "chain-sweeps/s", Threads: Environment.ProcessorCount, Chains: c, Steps: t,
                    Backend: target.Name, Device: target.Device),
                $"gibbs-rbm: {rate:N0} chain-sweeps/s ({c} chains, median of {r} runs of {t} sweeps, {target})");
            return EbmCommand.Success;
        });
        return command;
    }

    /// <summary>The median time of <paramref name="runs"/> timed runs after one untimed one.</summary>
    private static double Median(int runs, Action run)
    {
        run();
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long begin = Stopwatch.GetTimestamp();
            run();
            seconds[i] = Stopwatch.GetElapsedTime(begin).TotalSeconds;
        }
        Array.Sort(seconds);
        return seconds[runs / 2];
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be a positive integer, got {value}.");
}
