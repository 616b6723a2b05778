using System.Text;
using System.Text.RegularExpressions;

namespace Ebm.OpenCL;

/// <summary>
/// The OpenCL compiler rejected a program. The message holds the compiler's build log and the source lines
/// around the first line the log names (or the first lines of the source when it names none).
/// </summary>
public sealed partial class OpenClBuildException : Exception
{
    private const int ContextLines = 3;

    /// <summary>Creates the exception from what the build returned.</summary>
    /// <param name="device">The device the program was built for.</param>
    /// <param name="options">The build options.</param>
    /// <param name="status">The status of clBuildProgram.</param>
    /// <param name="buildLog">The compiler's log.</param>
    /// <param name="source">The program source.</param>
    public OpenClBuildException(OpenClDevice device, string options, int status, string buildLog, string source)
        : base(Compose(device, options, status, buildLog, Excerpt(source, FirstErrorLine(buildLog))))
    {
        Device = device;
        Options = options;
        Status = status;
        BuildLog = buildLog;
        SourceExcerpt = Excerpt(source, FirstErrorLine(buildLog));
    }

    /// <summary>The device the program was built for.</summary>
    public OpenClDevice Device { get; }

    /// <summary>The build options.</summary>
    public string Options { get; }

    /// <summary>The status of clBuildProgram: CL_BUILD_PROGRAM_FAILURE (−11) or CL_INVALID_BUILD_OPTIONS (−43).</summary>
    public int Status { get; }

    /// <summary>The compiler's build log, as the driver returned it.</summary>
    public string BuildLog { get; }

    /// <summary>Numbered source lines around the first error the log names, or the first lines of the source.</summary>
    public string SourceExcerpt { get; }

    private static string Compose(OpenClDevice device, string options, int status, string log, string excerpt)
    {
        var text = new StringBuilder();
        text.Append($"Building an OpenCL program for {device.DisplayName} failed with status {status}");
        text.Append(options.Length == 0 ? " (no options)." : $" (options: {options}).");
        text.Append("\nBuild log:\n").Append(log.Length == 0 ? "(the driver returned no log)" : log);
        text.Append("\nSource:\n").Append(excerpt);
        return text.ToString();
    }

    // Compilers name a location as "file:LINE:COLUMN:", before "error:" (Clang, NVIDIA, AMD, Intel) or after it
    // (PoCL); the first line that says error and names one is the one to show.
    [GeneratedRegex(@":(\d+):\d+:")]
    private static partial Regex Location();

    private static int? FirstErrorLine(string log)
    {
        foreach (string line in log.Split('\n'))
        {
            if (!line.Contains("error", StringComparison.OrdinalIgnoreCase))
                continue;
            Match match = Location().Match(line);
            if (match.Success && int.TryParse(match.Groups[1].Value, out int number))
                return number;
        }
        return null;
    }

    private static string Excerpt(string source, int? errorLine)
    {
        string[] lines = source.Split('\n');
        int first, last;
        if (errorLine is int line && line >= 1 && line <= lines.Length)
        {
            first = Math.Max(1, line - ContextLines);
            last = Math.Min(lines.Length, line + ContextLines);
        }
        else
        {
            first = 1;
            last = Math.Min(lines.Length, 2 * ContextLines + 1);
        }
        int width = last.ToString().Length;
        var text = new StringBuilder();
        for (int i = first; i <= last; i++)
        {
            string marker = i == errorLine ? ">" : " ";
            text.Append(marker).Append(i.ToString().PadLeft(width)).Append(" | ").Append(lines[i - 1].TrimEnd('\r')).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
