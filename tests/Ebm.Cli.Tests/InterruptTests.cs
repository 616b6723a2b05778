using System.Diagnostics;

namespace Ebm.Cli.Tests;

/// <summary>Ctrl+C (SIGINT) during `ebm train`: a clean stop after an epoch, its checkpoint written, exit 130, and a resume that ends as an uninterrupted run.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ebm-interrupt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Sigint_stops_training_after_an_epoch_with_a_checkpoint_that_resumes()
    {
        if (!OperatingSystem.IsLinux())
            return;
        string model = Path.Combine(folder, "rbm.safetensors"), whole = Path.Combine(folder, "whole.safetensors");
        // Enough epochs that the run is still going when the signal lands, each a few milliseconds.
        string[] args = ["train", "rbm", "--data", "fashion-mnist:embedded", "--train-rows", "100", "--batch", "50", "--hidden", "3", "--epochs", "500", "--json"];

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])[Path.Combine(AppContext.BaseDirectory, "Ebm.Cli.dll"), .. args, "--out", model])
            start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null)
        {
            stderr.Add(line);
            if (line.StartsWith("epoch 1:", StringComparison.Ordinal))
                break;
        }
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        stderr.AddRange((await process.StandardError.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(process.WaitForExit(60_000), "ebm did not stop within 60 s of SIGINT");

        Assert.Equal(EbmCommand.Interrupted, process.ExitCode);
        Assert.Empty(await stdout);
        string checkpoint = model + ".checkpoint";
        Assert.Equal($"ebm: interrupted; the last finished epoch is in {checkpoint}: run the same command with --checkpoint {checkpoint} --resume to continue", stderr[^1]);
        Assert.True(File.Exists(checkpoint));
        Assert.False(File.Exists(model));
        int finished = stderr.Count(l => l.StartsWith("epoch ", StringComparison.Ordinal));
        Assert.InRange(finished, 1, 499);

        CliRun resumed = Cli.Run([.. args, "--out", model, "--checkpoint", checkpoint, "--resume"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(500, resumed.Json().GetProperty("history").GetArrayLength());
        Assert.Equal(0, Cli.Run([.. args, "--out", whole]).ExitCode);
        Assert.Equal(Ebm.IO.Safetensors.Read(whole).Tensors, Ebm.IO.Safetensors.Read(model).Tensors);
    }
}
