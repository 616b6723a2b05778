using Spectre.Console;

namespace Ebm.Cli.Progress;

/// <summary>
/// Live progress bars on stderr (Spectre.Console). Shown only to a person: off under --json and --quiet, when the
/// command writes to other writers than the console's (tests), and when stderr is redirected (CI logs, pipes).
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly IAnsiConsole? console;

    private ProgressDisplay(IAnsiConsole? console) => this.console = console;

    /// <summary>A display that shows nothing.</summary>
    public static ProgressDisplay Off { get; } = new(null);

    /// <summary>Whether bars are drawn.</summary>
    public bool IsOn => console is not null;

    /// <summary>The display for a command writing its words to <paramref name="error"/>.</summary>
    public static ProgressDisplay For(bool json, bool quiet, TextWriter error)
    {
        if (json || quiet || !ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
            return Off;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new ProgressDisplay(console);
    }

    /// <summary>Writes a line above the live bars, where a line written past the display would tear it.</summary>
    public void WriteLine(string line) => console?.WriteLine(line);

    /// <summary>Runs <paramref name="work"/> with a bar named <paramref name="name"/> out of <paramref name="total"/> units (0: unknown).</summary>
    public T Run<T>(string name, double total, Func<ProgressStage, T> work)
    {
        if (console is null)
            return work(ProgressStage.None);
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(total, 1));
                // A job that cannot say how far it is (one AIS estimate) still shows that it runs, and for how long.
                task.IsIndeterminate = total <= 0;
                T result = work(new ProgressStage(task, name));
                // Done is full, also for a job that could not say how far it was.
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
    }
}
