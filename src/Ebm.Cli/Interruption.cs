namespace Ebm.Cli;

/// <summary>
/// Ctrl+C (SIGINT) as a cancellation request while a command that can stop cleanly runs: the first press cancels the
/// token and keeps the process alive so the command can save its state; a second press ends the process as usual.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly ConsoleCancelEventHandler handler;

    private Interruption()
    {
        handler = (_, e) =>
        {
            if (source.IsCancellationRequested)
                return;
            e.Cancel = true;
            source.Cancel();
        };
        Console.CancelKeyPress += handler;
    }

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Starts listening until disposed.</summary>
    public static Interruption Listen() => new();

    public void Dispose()
    {
        Console.CancelKeyPress -= handler;
        source.Dispose();
    }
}
