using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>`ebm sample`: the sampler chosen by the file's kind, .png pictures, and the OpenCL backend.</summary>
public sealed class SampleTests : IDisposable
{
    private readonly TempFolder folder = new("ebm-cli-sample-");

    public void Dispose() => folder.Dispose();

    private string File(string name) => folder.File(name);

    private string Rbm()
    {
        string model = File("rbm.safetensors");
        Assert.Equal(0, Cli.Run("train", "rbm", "--data", "fashion-mnist:embedded", "--train-rows", "200", "--epochs", "1", "--batch", "50", "--hidden", "8", "--out", model, "--quiet").ExitCode);
        return model;
    }

    private string Mlp()
    {
        string model = File("mlp.safetensors");
        Assert.Equal(0, Cli.Run("train", "mlp", "--data", "moons", "--train-rows", "256", "--hidden", "8", "--epochs", "2", "--batch", "64", "--out", model, "--quiet").ExitCode);
        return model;
    }

    [Fact]
    public void GibbsSamplesOfAnRbmAreAGridOfImages()
    {
        string png = File("rbm.png");
        CliRun run = Cli.Run("sample", Rbm(), "--sampler", "gibbs", "--steps", "20", "--chains", "12", "--out", png, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(20, run.Json().GetProperty("sweeps").GetInt32());
        var (width, height) = Png.AssertPicture(png, minimumColours: 2);
        Assert.True(width > height, $"12 tiles in rows of 10 are wider than tall: {width}×{height}");
    }

    [Fact]
    public void TwoDimensionalSamplesArePlottedOverTheEnergy()
    {
        string png = File("mlp.png");
        CliRun run = Cli.Run("sample", Mlp(), "--sampler", "ula", "--steps", "50", "--chains", "200", "--out", png, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("ula", run.Json().GetProperty("sampler").GetString());
        Png.AssertPicture(png);
    }

    [Fact]
    public void OneOpenClGibbsSweepGivesTheCpusStates()
    {
        string model = Rbm(), cpu = File("cpu.npy"), device = File("device.npy");
        Assert.Equal(0, Cli.Run("sample", model, "--steps", "1", "--chains", "6", "--out", cpu, "--quiet").ExitCode);
        CliRun run = Cli.Run("sample", model, "--steps", "1", "--chains", "6", "--backend", "opencl", "--out", device, "--json");
        Assert.Equal(0, run.ExitCode);
        // CI installs PoCL and requires the OpenCL path to run; elsewhere the CPU fallback gives the same states.
        if (Environment.GetEnvironmentVariable("EBM_REQUIRE_OPENCL") == "1")
            Assert.DoesNotContain("OpenCL backend unavailable", run.Stderr);
        Assert.Equal(Ebm.IO.Npy.Read(cpu).ToSingleArray(), Ebm.IO.Npy.Read(device).ToSingleArray());
    }

    [Fact]
    public void TheModelFileIsGivenPositionallyOrAsModel()
    {
        string model = Rbm();
        CliRun named = Cli.Run("eval", "--model", model, "--ais", "--runs", "8", "--betas", "200", "--data", "fashion-mnist:embedded", "--rows", "20", "--json");
        Assert.Equal(0, named.ExitCode);
        CliRun positional = Cli.Run("eval", model, "--ais", "--runs", "8", "--transitions", "200", "--data", "fashion-mnist:embedded", "--rows", "20", "--json");
        Assert.Equal(positional.Json().GetProperty("test_loglik").GetDouble(), named.Json().GetProperty("test_loglik").GetDouble());
        Assert.Equal(0, Cli.Run("sample", "--model", model, "--steps", "2", "--out", File("s.npy"), "--quiet").ExitCode);
        CliRun both = Cli.Run("sample", model, "--model", model, "--out", File("t.npy"));
        Assert.Equal("ebm: error: give the model file once, either positionally or as --model", Assert.Single(both.StderrLines));
        CliRun none = Cli.Run("eval", "--exact");
        Assert.Equal("ebm: error: name the model file: ebm COMMAND FILE … or --model FILE", Assert.Single(none.StderrLines));
    }

    [Theory]
    [InlineData("boltzmann", "ula", "holds a Boltzmann machine (BernoulliRbm); sample it with gibbs")]
    [InlineData("continuous", "gibbs", "holds a continuous model; sample it with ula, mala, annealed, diffusion")]
    [InlineData("boltzmann", "gibbs", "--out must name a .npy or a .png file")]
    public void AMismatchedSamplerOrOutputIsAOneLineError(string kind, string sampler, string message)
    {
        string model = kind == "boltzmann" ? Rbm() : Mlp();
        string output = message.StartsWith("--out", StringComparison.Ordinal) ? File("samples.csv") : File("samples.npy");
        CliRun run = Cli.Run("sample", model, "--sampler", sampler, "--steps", "2", "--out", output);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }
}
