using System.Text.Json;
using Ebm.Cli.Demo;

namespace Ebm.Cli.Tests;

/// <summary>`ebm demo --quick`: the demo's files and numbers from the same code as the full run, on smaller sizes.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly string folder = Path.Combine(Directory.CreateTempSubdirectory("ebm-demo-").FullName, "out");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);

    [Fact]
    public void Demo_writes_its_figures_and_a_report_tying_them_to_their_numbers()
    {
        CliRun run = Cli.Run("demo", "--quick", "--out", folder, "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal(folder, json.GetProperty("out").GetString());
        Assert.Equal(DemoFiles.All.Select(f => Path.Combine(folder, f)), json.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Png.AssertPicture(Path.Combine(folder, DemoFiles.Landscape));
        Png.AssertPicture(Path.Combine(folder, DemoFiles.RbmSamples));
        Png.AssertPicture(Path.Combine(folder, DemoFiles.Curves));

        JsonElement mixture = json.GetProperty("mixture"), rbm = json.GetProperty("rbm");
        // Even the quick runs learn: held-out log-likelihoods rise from the initial models'.
        Assert.True(mixture.GetProperty("test_log_likelihood").GetDouble() > mixture.GetProperty("initial_log_likelihood").GetDouble() + 0.1, mixture.ToString());
        Assert.True(rbm.GetProperty("test_log_likelihood").GetDouble() > rbm.GetProperty("initial_log_likelihood").GetDouble() + 50, rbm.ToString());
        Assert.InRange(mixture.GetProperty("mmd2").GetDouble(), -0.05, 0.05);
        Assert.Equal(DemoSettings.Quick.RbmEpochs, rbm.GetProperty("epochs").GetInt32());

        string report = File.ReadAllText(Path.Combine(folder, DemoFiles.Report));
        foreach (string figure in new[] { DemoFiles.Landscape, DemoFiles.RbmSamples, DemoFiles.Curves })
            Assert.Contains($"]({figure})", report);
        Assert.Contains($"**{rbm.GetProperty("test_log_likelihood").GetDouble():0.00} nats**", report);
        Assert.Contains($"**{mixture.GetProperty("mmd2").GetDouble():0.0000}**", report);
        // No progress bars or colours leak into a captured stderr.
        Assert.DoesNotContain('\u001b', run.Stderr);
    }

    [Fact]
    public void Quiet_demo_prints_one_line_naming_the_report()
    {
        CliRun run = Cli.Run("demo", "--quick", "--out", folder, "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.EndsWith(Path.Combine(folder, DemoFiles.Report), Assert.Single(run.StdoutLines));
    }
}
