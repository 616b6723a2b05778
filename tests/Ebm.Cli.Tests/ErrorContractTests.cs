using Ebm.IO;
using Ebm.Models;

namespace Ebm.Cli.Tests;

/// <summary>Bad input to every command that reads files or data: one line on stderr naming the cause, exit 1, stdout empty even under --json.</summary>
public sealed class ErrorContractTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ebm-errors-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(string name) => Path.Combine(folder, name);

    private static string OneLineFailure(params string[] args)
    {
        CliRun run = Cli.Run([.. args, "--json"]);
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.Empty(run.Stdout);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith("ebm: error: ", line);
        return line;
    }

    [Theory]
    [InlineData("eval", "--exact")]
    [InlineData("sample")]
    public void A_missing_model_file(string command, params string[] extra)
    {
        string path = File("none.safetensors");
        Assert.Equal($"ebm: error: {path} does not exist (write one with 'ebm train')", OneLineFailure([command, path, .. extra]));
    }

    [Theory]
    [InlineData("eval", "--exact")]
    [InlineData("sample")]
    public void A_model_file_for_another_model(string command, params string[] extra)
    {
        string path = File("mixture.safetensors");
        ModelFile.Save(path, GaussianMixture.Create(GaussianMixture.Parameters.Create(x: 2, meansRows: 3, sigma: 1f, seed: 1)), "");
        Assert.Equal($"ebm: error: {path} holds parameters of 'GaussianMixture'; the host loads BernoulliRbm, GaussianBernoulliRbm, BoltzmannMachine and DeepBoltzmannMachine files",
            OneLineFailure([command, path, .. extra]));
    }

    [Theory]
    [InlineData("eval", "--exact")]
    [InlineData("sample")]
    public void A_truncated_model_file(string command, params string[] extra)
    {
        string whole = File("whole.safetensors"), cut = File("cut.safetensors");
        ModelFile.Save(whole, BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 6, h: 3, seed: 1)), "");
        byte[] bytes = System.IO.File.ReadAllBytes(whole);
        System.IO.File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        string line = OneLineFailure([command, cut, .. extra]);
        Assert.StartsWith($"ebm: error: {cut}: byte ", line);
        Assert.Contains("past the end of the file", line);
    }

    [Theory]
    [InlineData("train", "rbm", "--data")]
    [InlineData("eval", "MODEL", "--exact", "--data")]
    [InlineData("bench", "rbm-pcd1", "--data")]
    public void An_unknown_data_spec(params string[] args)
    {
        string model = File("rbm.safetensors");
        ModelFile.Save(model, BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 784, h: 3, seed: 1)), "");
        string[] line = [.. args.Select(a => a == "MODEL" ? model : a), "no-such-data"];
        Assert.Equal("ebm: error: unknown data spec 'no-such-data'; accepted data specs: fashion-mnist, fashion-mnist:embedded, idx:DIR, npy:FILE, moons, rings, mixture8, mixture2, swissroll, checkerboard",
            OneLineFailure(line));
    }

    [Fact]
    public void Data_that_does_not_fit_the_model_names_both_widths()
    {
        string model = File("rbm.safetensors");
        ModelFile.Save(model, BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 784, h: 3, seed: 1)), "");
        Assert.Equal("ebm: error: the data 'moons' has 2 values a row but BernoulliRbm's data group 'v' has 784 units",
            OneLineFailure("eval", model, "--exact", "--data", "moons"));
    }

    [Fact]
    public void A_usage_error_under_json_is_still_one_line_and_exit_2()
    {
        CliRun run = Cli.Run("demo", "--no-such-option", "--json");
        Assert.Equal(EbmCommand.UsageError, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("ebm: error: ", Assert.Single(run.StderrLines));
    }
}
