using System.Text.Json;
using System.Text.Json.Serialization;
using Ebm.Cli.Progress;

namespace Ebm.Cli;

/// <summary>
/// Where a command's words go. With --json, stdout carries exactly one JSON object on its last line,
/// so everything meant for a person moves to stderr; --quiet drops it altogether.
/// </summary>
internal sealed record CliContext(bool Json, bool Quiet, bool Verbose, TextWriter Out, TextWriter Error)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Progress bars of long jobs, on stderr when a person watches it.</summary>
    public ProgressDisplay Progress { get; } = ProgressDisplay.For(Json, Quiet, Error);

    /// <summary>Progress and explanations for a person.</summary>
    public void Info(string line)
    {
        if (Quiet)
            return;
        if (Progress.IsOn)
            Progress.WriteLine(line);
        else
            (Json ? Error : Out).WriteLine(line);
    }

    /// <summary>The command's result: one JSON line under --json, else the human rendering.</summary>
    public void Result<T>(T value, string human)
    {
        if (Json)
            Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        else
            Out.WriteLine(human);
    }
}
