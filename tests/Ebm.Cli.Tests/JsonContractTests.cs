using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>--json and --quiet on the commands that write files: the object's fields, and nothing but the result.</summary>
public sealed class JsonContractTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ebm-json-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(string name) => Path.Combine(folder, name);

    private static readonly string[] Tiny = ["--data", "fashion-mnist:embedded", "--train-rows", "100", "--test-rows", "50", "--epochs", "2", "--batch", "50", "--hidden", "4"];

    [Fact]
    public void Train_eval_and_sample_print_one_object_each()
    {
        string model = File("rbm.safetensors"), samples = File("samples.npy");
        JsonElement train = Cli.Run(["train", "rbm", .. Tiny, "--out", model, "--json"]).Json();
        Assert.Equal(model, train.GetProperty("out").GetString());
        Assert.Equal(4, train.GetProperty("sizes").GetProperty("h").GetInt32());
        JsonElement epoch = train.GetProperty("history")[1];
        Assert.Equal(2, epoch.GetProperty("epoch").GetInt32());
        Assert.True(epoch.GetProperty("reconstruction_error").GetDouble() > 0);
        // Nothing was evaluated, so neither a log-likelihood nor whether it is a bound.
        Assert.False(epoch.TryGetProperty("log_likelihood", out _));
        Assert.False(epoch.TryGetProperty("log_likelihood_is_lower_bound", out _));
        // Without --checkpoint the run's checkpoint is removed once the model is written.
        Assert.False(System.IO.File.Exists(model + ".checkpoint"));

        JsonElement eval = Cli.Run("eval", model, "--exact", "--data", "fashion-mnist:embedded", "--rows", "50", "--json").Json();
        Assert.Equal("exact", eval.GetProperty("method").GetString());
        Assert.Equal(0, eval.GetProperty("log_z_stderr").GetDouble());
        Assert.True(eval.GetProperty("test_loglik").GetDouble() < 0);

        JsonElement sample = Cli.Run("sample", model, "--chains", "3", "--sweeps", "7", "--out", samples, "--json").Json();
        Assert.Equal("BernoulliRbm", sample.GetProperty("model").GetString());
        Assert.Equal(samples, sample.GetProperty("out").GetString());
        Assert.Equal(3, sample.GetProperty("chains").GetInt32());
        Assert.Equal(7, sample.GetProperty("sweeps").GetInt32());
        Assert.InRange(sample.GetProperty("mean_activity").GetDouble(), 0, 1);
    }

    [Fact]
    public void Quiet_leaves_stderr_empty_and_stdout_one_line()
    {
        string model = File("rbm.safetensors");
        foreach (string[] args in new[]
        {
            ["train", "rbm", .. Tiny, "--out", model, "--quiet"],
            ["eval", model, "--exact", "--data", "fashion-mnist:embedded", "--rows", "20", "--quiet"],
            new[] { "sample", model, "--chains", "2", "--sweeps", "2", "--out", File("s.npy"), "--quiet" },
        })
        {
            CliRun run = Cli.Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.Stderr);
            Assert.Single(run.StdoutLines);
        }
    }

    [Fact]
    public void Pieced_gibbs_runs_for_the_progress_bar_end_where_one_run_does()
    {
        var model = Ebm.Models.BernoulliRbm.Create(Ebm.Models.BernoulliRbm.Parameters.Create(v: 12, h: 5, seed: 3));
        float[][] start = [new float[4 * 12], new float[4 * 5]];
        var reached = new List<int>();
        var pieced = Progress.SamplingProgress.Pieced(model, start, 123, 9, reached.Add);
        var whole = Ebm.Sampling.GibbsSampler.Run(model, start, 123, 9);
        Assert.Equal(whole.States, pieced.States);
        Assert.Equal(whole.NextSweep, pieced.NextSweep);
        Assert.Equal(123, reached[^1]);
        Assert.True(reached.Count > 10);
    }
}
