using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>`ebm train mlp`, `ebm sample` of continuous model files and `ebm bench dsm-mlp`, on small sizes.</summary>
public sealed class ScoreTrainTests : IDisposable
{
    private readonly TempFolder folder = new("ebm-cli-score-");

    public void Dispose() => folder.Dispose();

    private string File(string name) => folder.File(name);

    [Theory]
    [InlineData("dsm", "moons", "MlpEnergy")]
    [InlineData("ssm", "mixture8", "MlpEnergy")]
    [InlineData("sm", "rings", "MlpEnergy")]
    [InlineData("ncsn", "rings", "NoiseConditionalMlp")]
    [InlineData("contrastive", "mixture8", "MlpEnergy")]
    public void EveryMethodTrainsAndWritesAModelFileThatSamples(string method, string data, string model)
    {
        string path = File(method + ".safetensors");
        CliRun run = Cli.Run("train", "mlp", "--method", method, "--data", data, "--train-rows", "256", "--hidden", "8", "--epochs", "3",
                             "--batch", "64", "--lr", "0.003", "--sigma", "0.2", "--sigma-max", "2", "--sigma-min", "0.1", "--levels", "4",
                             "--clip", "100", "--out", path, "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal(model, json.GetProperty("model").GetString());
        Assert.Equal(method, json.GetProperty("method").GetString());
        Assert.Equal(path, json.GetProperty("out").GetString());
        Assert.Equal(8, json.GetProperty("sizes").GetProperty("W1Rows").GetInt32());
        JsonElement[] history = [.. json.GetProperty("history").EnumerateArray()];
        Assert.Equal(3, history.Length);
        Assert.All(history, e =>
        {
            Assert.True(double.IsFinite(e.GetProperty("loss").GetDouble()));
            Assert.True(e.GetProperty("steps_per_second").GetDouble() > 0);
        });
        Assert.Equal(method == "ncsn" ? 4 : 0, json.TryGetProperty("noise_levels", out JsonElement levels) ? levels.GetArrayLength() : 0);
        Assert.Contains("epoch 3: loss", run.Stderr);
        var metadata = Ebm.IO.Safetensors.Read(path).Metadata;
        Assert.Contains($"\"method\":\"{method}\"", metadata["ebm.training"]);

        foreach (string sampler in new[] { "ula", "mala", "annealed", "diffusion" })
        {
            string samples = File($"{method}-{sampler}.npy");
            CliRun sample = Cli.Run("sample", path, "--sampler", sampler, "--steps", "40", "--chains", "5", "--out", samples, "--json");
            Assert.Equal(0, sample.ExitCode);
            JsonElement s = sample.Json();
            Assert.Equal(sampler, s.GetProperty("sampler").GetString());
            Assert.Equal(2, s.GetProperty("mean").GetArrayLength());
            var npy = Ebm.IO.Npy.Read(samples);
            Assert.Equal([5, 2], npy.Shape);
        }
    }

    /// <summary>A run is a function of its options and seed: the same command writes the same tensors.</summary>
    [Fact]
    public void TheSameSeedWritesTheSameModel()
    {
        string[] common = ["train", "mlp", "--data", "moons", "--train-rows", "128", "--hidden", "4", "--epochs", "2", "--batch", "32", "--quiet"];
        Assert.Equal(0, Cli.Run([.. common, "--out", File("a.safetensors")]).ExitCode);
        Assert.Equal(0, Cli.Run([.. common, "--out", File("b.safetensors")]).ExitCode);
        Assert.Equal(0, Cli.Run([.. common, "--seed", "2", "--out", File("c.safetensors")]).ExitCode);
        Assert.Equal(Ebm.IO.Safetensors.Read(File("a.safetensors")).Tensors, Ebm.IO.Safetensors.Read(File("b.safetensors")).Tensors);
        Assert.NotEqual(Ebm.IO.Safetensors.Read(File("a.safetensors")).Tensors, Ebm.IO.Safetensors.Read(File("c.safetensors")).Tensors);
    }

    [Fact]
    public void BenchDsmMlpReportsStepsPerSecond()
    {
        CliRun run = Cli.Run("bench", "dsm-mlp", "--hidden", "16", "--batch", "32", "--steps", "5", "--epochs", "2", "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal("dsm-mlp", json.GetProperty("workload").GetString());
        Assert.Equal("steps/s", json.GetProperty("unit").GetString());
        Assert.True(json.GetProperty("throughput").GetDouble() > 0);
        Assert.Equal(32, json.GetProperty("batch").GetInt32());
    }

    [Fact]
    public void ABlowingUpRunNamesEpochAndBatch()
    {
        CliRun run = Cli.Run("train", "mlp", "--method", "sm", "--optimizer", "sgd", "--lr", "1e30", "--data", "moons", "--train-rows", "64",
                             "--hidden", "4", "--batch", "32", "--epochs", "5", "--out", File("x.safetensors"));
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.Matches(@"^ebm: error: training diverged at epoch \d+, batch \d+: ", Assert.Single(run.StderrLines));
        Assert.False(System.IO.File.Exists(File("x.safetensors")));
    }

    [Theory]
    [InlineData("ebm: error: unknown method 'cd'; use dsm, ssm, sm, ncsn, contrastive", "train", "mlp", "--method", "cd")]
    [InlineData("ebm: error: unknown optimizer 'rmsprop'; use adam or sgd", "train", "mlp", "--optimizer", "rmsprop", "--train-rows", "10")]
    [InlineData("ebm: error: bad --box '3:1'; use LOWER:UPPER with LOWER < UPPER", "train", "mlp", "--method", "contrastive", "--box", "3:1", "--train-rows", "10")]
    [InlineData("ebm: error: ncsn needs 0 < --sigma-min < --sigma-max and --levels ≥ 2; got 2, 1, 5", "train", "mlp", "--method", "ncsn", "--sigma-min", "2", "--sigma-max", "1", "--levels", "5", "--train-rows", "10")]
    public void MistakesAreOneLineErrors(string message, params string[] args)
    {
        CliRun run = Cli.Run(args);
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(message, Assert.Single(run.StderrLines));
    }

    [Fact]
    public void AnUnknownSamplerIsRefused()
    {
        string path = File("m.safetensors");
        Assert.Equal(0, Cli.Run("train", "mlp", "--train-rows", "32", "--hidden", "4", "--epochs", "1", "--out", path, "--quiet").ExitCode);
        CliRun run = Cli.Run("sample", path, "--sampler", "hmc", "--out", File("s.npy"));
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.Equal("ebm: error: unknown sampler 'hmc'; use ula, mala, annealed, diffusion", Assert.Single(run.StderrLines));
    }
}
