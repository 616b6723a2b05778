using Spectre.Console;

namespace Ebm.Cli.Progress;

/// <summary>
/// One long job's bar: how far it is and its latest metrics. Without a live display (--json, --quiet, or stderr not
/// a terminal) the calls do nothing, so the work reports the same way either way.
/// </summary>
internal sealed class ProgressStage
{
    private readonly ProgressTask? task;
    private readonly string name;

    internal ProgressStage(ProgressTask? task, string name)
    {
        this.task = task;
        this.name = name;
    }

    /// <summary>A stage that shows nothing.</summary>
    public static ProgressStage None { get; } = new(null, "");

    /// <summary>Moves the bar on by <paramref name="amount"/> units of the stage's total.</summary>
    public void Advance(double amount = 1) => task?.Increment(amount);

    /// <summary>Sets the bar to <paramref name="value"/> units done.</summary>
    public void Report(double value)
    {
        if (task is not null)
            task.Value = value;
    }

    /// <summary>Shows <paramref name="metrics"/> (e.g. "loss 0.42") beside the stage's name.</summary>
    public void Describe(string metrics)
    {
        if (task is not null)
            task.Description = Markup.Escape($"{name}  {metrics}");
    }
}
