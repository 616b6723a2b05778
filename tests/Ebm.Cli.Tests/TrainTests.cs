using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>`ebm train`, `ebm eval`, `ebm sample` and `ebm bench rbm-pcd1` on small sizes and the embedded Fashion-MNIST subset.</summary>
public sealed class TrainTests : IDisposable
{
    private readonly TempFolder folder = new("ebm-cli-train-");

    public void Dispose() => folder.Dispose();

    private string File(string name) => folder.File(name);

    private static readonly string[] Small = ["--data", "fashion-mnist:embedded", "--train-rows", "300", "--test-rows", "100", "--epochs", "2", "--batch", "50", "--lr", "0.05"];

    [Fact]
    public void TrainedRbmIsEvaluatedAlikeByTrainAndEval()
    {
        string model = File("rbm.safetensors");
        CliRun run = Cli.Run(["train", "rbm", .. Small, "--hidden", "8", "--eval", "exact", "--out", model, "--json"]);
        Assert.Equal(0, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal("BernoulliRbm", json.GetProperty("model").GetString());
        Assert.Equal(784, json.GetProperty("sizes").GetProperty("v").GetInt32());
        JsonElement[] history = [.. json.GetProperty("history").EnumerateArray()];
        Assert.Equal(2, history.Length);
        Assert.Equal(2, json.GetProperty("epochs").GetInt32());
        Assert.False(history[^1].GetProperty("log_likelihood_is_lower_bound").GetBoolean());
        Assert.True(json.GetProperty("samples_per_s").GetDouble() > 0);
        double trained = history[^1].GetProperty("log_likelihood").GetDouble();
        Assert.True(trained < 0);
        Assert.Contains("epoch 2: reconstruction", run.Stderr);
        Assert.True(System.IO.File.Exists(model));

        CliRun exact = Cli.Run("eval", model, "--exact", "--data", "fashion-mnist:embedded", "--rows", "100", "--json");
        Assert.Equal(0, exact.ExitCode);
        Assert.Equal(trained, exact.Json().GetProperty("test_loglik").GetDouble());
        Assert.Equal(100, exact.Json().GetProperty("rows").GetInt32());

        CliRun ais = Cli.Run("eval", model, "--ais", "--runs", "32", "--transitions", "30000", "--data", "fashion-mnist:embedded", "--rows", "100", "--json");
        Assert.Equal(0, ais.ExitCode);
        JsonElement a = ais.Json();
        Assert.Equal("ais", a.GetProperty("method").GetString());
        // AIS underestimates log Z by a bias that shrinks with the transitions: 3.9 nats at 2,000, 0.25 at 30,000 here.
        Assert.True(Math.Abs(a.GetProperty("test_loglik").GetDouble() - trained) < 1, $"AIS {a} vs exact {trained}");

        string samples = File("samples.npy");
        CliRun sample = Cli.Run("sample", model, "--chains", "4", "--sweeps", "20", "--out", samples, "--json");
        Assert.Equal(0, sample.ExitCode);
        Assert.Equal([4, 784], Ebm.IO.Npy.Read(samples).Shape);
    }

    [Theory]
    [InlineData("grbm", "moons", "4")]
    [InlineData("bm", "fashion-mnist:embedded", "3")]
    [InlineData("dbm", "fashion-mnist:embedded", "6")]
    [InlineData("rbm", "fashion-mnist:embedded", "5", "--centering")]
    [InlineData("rbm", "fashion-mnist:embedded", "5", "--method", "pt", "--replicas", "4", "--schedule", "step:1:0.5")]
    public void ModelsAndOptionsTrainAndWriteTheirFiles(string kind, string data, string hidden, params string[] extra)
    {
        string model = File(kind + ".safetensors");
        CliRun run = Cli.Run(["train", kind, "--data", data, "--train-rows", "200", "--test-rows", "50", "--epochs", "2", "--batch", "50", "--hidden", hidden, "--hidden2", "3", "--out", model, "--quiet", .. extra]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"wrote {model}", Assert.Single(run.StdoutLines));
        CliRun sample = Cli.Run("sample", model, "--chains", "2", "--sweeps", "3", "--out", File(kind + ".npy"), "--quiet");
        Assert.Equal(0, sample.ExitCode);
    }

    [Fact]
    public void PretrainedDbmIsEvaluatedByTheVariationalBound()
    {
        string model = File("dbm.safetensors");
        CliRun run = Cli.Run(["train", "dbm", "--data", "fashion-mnist:embedded", "--train-rows", "200", "--test-rows", "50", "--epochs", "1", "--batch", "50",
            "--hidden", "6", "--hidden2", "3", "--pretrain-epochs", "1", "--eval", "ais", "--ais-runs", "16", "--ais-transitions", "500", "--out", model, "--json"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pretraining DeepBoltzmannMachine layer by layer, 1 epochs per pair", run.Stderr);
        JsonElement epoch = run.Json().GetProperty("history")[0];
        Assert.True(epoch.GetProperty("log_likelihood_is_lower_bound").GetBoolean());
        Assert.Contains("log-likelihood ≥", run.Stderr);

        CliRun eval = Cli.Run("eval", model, "--ais", "--runs", "16", "--transitions", "500", "--data", "fashion-mnist:embedded", "--rows", "50", "--json");
        Assert.Equal(0, eval.ExitCode);
        JsonElement e = eval.Json();
        Assert.Equal("ais-lower-bound", e.GetProperty("method").GetString());
        Assert.True(e.GetProperty("test_loglik").GetDouble() < 0);
    }

    [Fact]
    public void ResumedCliRunWritesTheSameModelAsAnUninterruptedOne()
    {
        string whole = File("whole.safetensors"), part = File("part.safetensors"), checkpoint = File("ckpt.safetensors");
        string[] common = ["train", "rbm", "--data", "fashion-mnist:embedded", "--train-rows", "200", "--batch", "50", "--hidden", "6", "--momentum", "0.5", "--quiet"];
        Assert.Equal(0, Cli.Run([.. common, "--epochs", "3", "--out", whole]).ExitCode);
        Assert.Equal(0, Cli.Run([.. common, "--epochs", "2", "--out", part, "--checkpoint", checkpoint]).ExitCode);
        Assert.Equal(0, Cli.Run([.. common, "--epochs", "3", "--out", part, "--checkpoint", checkpoint, "--resume"]).ExitCode);
        Assert.Equal(Ebm.IO.Safetensors.Read(whole).Tensors, Ebm.IO.Safetensors.Read(part).Tensors);
    }

    [Fact]
    public void BenchRbmPcd1ReportsSamplesPerSecond()
    {
        CliRun run = Cli.Run("bench", "rbm-pcd1", "--data", "fashion-mnist:embedded", "--rows", "200", "--hidden", "16", "--epochs", "2", "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal("rbm-pcd1", json.GetProperty("workload").GetString());
        Assert.Equal("samples/s", json.GetProperty("unit").GetString());
        Assert.True(json.GetProperty("throughput").GetDouble() > 0);
        Assert.Equal(16, json.GetProperty("hidden").GetInt32());
    }

    [Theory]
    [InlineData("ebm: error: unknown method 'sgd'; use cd, pcd, pt or exact", "train", "rbm", "--method", "sgd", "--data", "moons")]
    [InlineData("ebm: error: bad --schedule 'step:2'; use constant, step:EVERY:FACTOR, exp:FACTOR or linear:FINAL_FRACTION", "train", "rbm", "--schedule", "step:2", "--data", "moons")]
    [InlineData("ebm: error: choose one of --exact and --ais", "eval", "x.safetensors")]
    public void MistakesAreOneLineErrors(string message, params string[] args)
    {
        CliRun run = Cli.Run(args);
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(message, Assert.Single(run.StderrLines));
    }

    [Fact]
    public void EvalRefusesAMissingFile()
    {
        CliRun run = Cli.Run("eval", File("none.safetensors"), "--exact");
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.StartsWith($"ebm: error: {File("none.safetensors")} does not exist", Assert.Single(run.StderrLines));
    }
}
