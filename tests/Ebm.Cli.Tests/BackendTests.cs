using Ebm.OpenCL;

namespace Ebm.Cli.Tests;

/// <summary>`--backend cpu|opencl` and `--device` on the sampling benches.</summary>
public class BackendTests
{
    private static bool HasOpenCl => OpenClPlatforms.Probe().IsAvailable;

    [Theory]
    [InlineData("langevin-mixture", "--steps")]
    [InlineData("gibbs-rbm", "--sweeps")]
    public void The_result_names_the_backend_that_ran(string workload, string steps)
    {
        foreach (string backend in new[] { "cpu", "opencl" })
        {
            CliRun run = Cli.Run("bench", workload, "--backend", backend, "--chains", "16", steps, "2", "--repeats", "1", "--json");
            Assert.Equal(0, run.ExitCode);
            var json = run.Json();
            string ran = backend == "opencl" && HasOpenCl ? "opencl" : "cpu";
            Assert.Equal(ran, json.GetProperty("backend").GetString());
            Assert.Equal(ran == "opencl", json.TryGetProperty("device", out _));
            Assert.True(json.GetProperty("throughput").GetDouble() > 0);
            Assert.Equal(16, json.GetProperty("chains").GetInt32());
        }
    }

    [Fact]
    public void An_unknown_backend_is_a_usage_error()
    {
        CliRun run = Cli.Run("bench", "gibbs-rbm", "--backend", "cuda");
        Assert.Equal(EbmCommand.UsageError, run.ExitCode);
        Assert.Contains("cuda", run.Stderr);
    }

    [Fact]
    public void An_unknown_device_fails_listing_the_devices_there_are()
    {
        if (!HasOpenCl)
            return;
        CliRun run = Cli.Run("bench", "gibbs-rbm", "--backend", "opencl", "--device", "no-such-device", "--chains", "4", "--sweeps", "1", "--repeats", "1");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no-such-device", run.Stderr);
        Assert.Contains(OpenClPlatforms.Probe().Devices[0].DisplayName, run.Stderr);
    }

    [Fact]
    public void Without_a_platform_opencl_says_so_once_and_runs_on_the_cpu()
    {
        // An empty vendor directory hides every installed ICD from the loader in the child process.
        string empty = Directory.CreateTempSubdirectory("ebm-no-icd-").FullName;
        CliRun run = Cli.RunProcess(new Dictionary<string, string> { ["OCL_ICD_VENDORS"] = empty, ["OPENCL_VENDOR_PATH"] = empty },
            "bench", "langevin-mixture", "--backend", "opencl", "--chains", "50", "--steps", "2", "--repeats", "3", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("cpu", run.Json().GetProperty("backend").GetString());
        // One warm-up and three timed runs, one message.
        string notice = Assert.Single(run.StderrLines, l => l.Contains("running on the CPU", StringComparison.Ordinal));
        Assert.Contains("apt-get install pocl-opencl-icd", notice);
    }
}
