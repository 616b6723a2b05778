using System.CommandLine;
using Ebm.Cli.Commands;

namespace Ebm.Cli;

/// <summary>
/// The `ebm` root command and the conventions every subcommand keeps: --json, --quiet, --verbose;
/// an error is one line on stderr and a non-zero exit (2 for a usage error, 1 for a failure), with
/// the stack trace only under --verbose.
/// </summary>
public static class EbmCommand
{
    /// <summary>Exit code of a command that ran to completion.</summary>
    public const int Success = 0;
    /// <summary>Exit code of a command that failed while running.</summary>
    public const int Failure = 1;
    /// <summary>Exit code of a command line that could not be parsed.</summary>
    public const int UsageError = 2;
    /// <summary>Exit code of a command stopped by Ctrl+C after saving what resumes it (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    internal static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print one JSON object as the last line of stdout and nothing else there.",
        Recursive = true,
    };

    internal static readonly Option<bool> QuietOption = new("--quiet", "-q")
    {
        Description = "Print only the result.",
        Recursive = true,
    };

    internal static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Print stack traces with errors.",
        Recursive = true,
    };

    /// <summary>Runs the command line with the given writers for stdout and stderr; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ebm: energy-based models declared once, everything else derived at compile time.");
        root.Options.Add(JsonOption);
        root.Options.Add(QuietOption);
        root.Options.Add(VerboseOption);

        CliContext? context = null;
        Func<ParseResult, CliContext> contextOf = parse => context = new CliContext(
            parse.GetValue(JsonOption), parse.GetValue(QuietOption), parse.GetValue(VerboseOption), stdout, stderr);
        root.Subcommands.Add(DemoCommand.Create(contextOf));
        root.Subcommands.Add(BenchCommand.Create(contextOf));
        root.Subcommands.Add(DevicesCommand.Create(contextOf));
        root.Subcommands.Add(ModelsCommand.Create(contextOf));
        root.Subcommands.Add(TrainCommand.Create(contextOf));
        root.Subcommands.Add(EvalCommand.Create(contextOf));
        root.Subcommands.Add(SampleCommand.Create(contextOf));

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"ebm: error: {parsed.Errors[0].Message} (see 'ebm --help')");
            return UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = stdout,
                Error = stderr,
            });
        }
        catch (Exception e)
        {
            // One line, whatever the exception: inner exceptions of a parallel loop carry the message.
            Exception cause = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
            // The parameter name an ArgumentException appends names a C# parameter the user never saw.
            string message = cause is ArgumentException { ParamName: { } name } ? cause.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : cause.Message;
            stderr.WriteLine($"ebm: error: {message.ReplaceLineEndings(" ")}");
            if (context?.Verbose ?? parsed.GetValue(VerboseOption))
                stderr.WriteLine(cause);
            return Failure;
        }
    }
}
