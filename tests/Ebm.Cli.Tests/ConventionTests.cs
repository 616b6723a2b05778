namespace Ebm.Cli.Tests;

/// <summary>The conventions every command keeps: --json, --quiet, one-line errors with exit codes.</summary>
public class ConventionTests
{
    [Fact]
    public void Unknown_command_is_one_line_on_stderr_and_exit_2()
    {
        CliRun run = Cli.Run("no-such-command");
        Assert.Equal(EbmCommand.UsageError, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("ebm: error: ", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Failure_is_one_line_on_stderr_and_exit_1_with_the_trace_only_when_verbose()
    {
        CliRun run = Cli.Run("bench", "gemm", "--m", "0", "--json");
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("ebm: error: --m must be a positive integer, got 0.", Assert.Single(run.StderrLines));

        CliRun verbose = Cli.Run("bench", "gemm", "--m", "0", "--verbose");
        Assert.Equal(EbmCommand.Failure, verbose.ExitCode);
        Assert.Contains(verbose.StderrLines, l => l.TrimStart().StartsWith("at "));
    }

    [Fact]
    public void Json_leaves_only_the_object_on_stdout()
    {
        CliRun run = Cli.Run("bench", "gemm", "--m", "32", "--k", "48", "--n", "40", "--seconds", "0.05", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal("gemm", json.GetProperty("workload").GetString());
        Assert.Equal("GFLOP/s", json.GetProperty("unit").GetString());
        Assert.True(json.GetProperty("throughput").GetDouble() > 0);
        Assert.Equal(32, json.GetProperty("m").GetInt32());
        // The person-facing line moved to stderr.
        Assert.Contains("gemm 32×48", run.Stderr);
    }

    [Fact]
    public void Quiet_prints_only_the_result()
    {
        CliRun run = Cli.Run("bench", "gemm", "--m", "16", "--k", "16", "--n", "16", "--seconds", "0.05", "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.StartsWith("gemm 16×16·16×16: ", Assert.Single(run.StdoutLines));
    }
}

public class LangevinBenchTests
{
    [Theory]
    [InlineData("langevin-mixture", "200")]
    [InlineData("langevin-mlp", "4")]
    public void Langevin_workloads_report_chain_steps_per_second(string workload, string chains)
    {
        CliRun run = Cli.Run("bench", workload, "--chains", chains, "--steps", "3", "--repeats", "1", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(workload, json.GetProperty("workload").GetString());
        Assert.Equal("chain-steps/s", json.GetProperty("unit").GetString());
        Assert.True(json.GetProperty("throughput").GetDouble() > 0);
        Assert.Equal(int.Parse(chains), json.GetProperty("chains").GetInt32());
    }

    [Fact]
    public void Zero_chains_is_a_one_line_error()
    {
        CliRun run = Cli.Run("bench", "langevin-mixture", "--chains", "0");
        Assert.Equal(EbmCommand.Failure, run.ExitCode);
        Assert.Equal("ebm: error: --chains must be a positive integer, got 0.", Assert.Single(run.StderrLines));
    }
}
