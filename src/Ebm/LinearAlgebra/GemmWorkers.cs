using System.Diagnostics;

namespace Ebm.LinearAlgebra;

/// <summary>
/// Work shared by a calling thread and helper threads: <see cref="Work"/> claims and runs pieces until none
/// are left, so it may be entered by any number of threads, at any time, and the caller alone can finish it.
/// </summary>
internal abstract class SharedWork
{
    private int _active, _closed;

    /// <summary>Claims and runs pieces until none are left.</summary>
    protected abstract void Work();

    /// <summary>Runs <see cref="Work"/> on a helper, unless the caller has already closed the work.</summary>
    internal void Help()
    {
        Interlocked.Increment(ref _active);
        // Pairs with Close: either the caller sees this helper active and waits, or the helper sees the
        // work closed and leaves (both sides use interlocked operations, which are full fences).
        if (Volatile.Read(ref _closed) == 0)
            Work();
        Interlocked.Decrement(ref _active);
    }

    /// <summary>
    /// Called once by the owner after every piece is done: helpers that have not started will not start,
    /// and this returns when those that did have left, so the owner may release what the work uses.
    /// </summary>
    protected void Close()
    {
        Interlocked.Exchange(ref _closed, 1);
        var spin = new SpinWait();
        while (Volatile.Read(ref _active) != 0)
            spin.SpinOnce(sleep1Threshold: -1);
    }
}

/// <summary>
/// Helper threads for GEMM. Unlike the thread pool's, which block as soon as their queue is empty, these
/// spin for half a millisecond after each job before blocking: on the virtual machines this was tuned on,
/// waking a blocked thread took 0.2–1 ms, as long as a whole 512×784×500 product on two cores, while a
/// training loop calls GEMM again within microseconds.
/// </summary>
internal static class GemmWorkers
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 2000;
    private static readonly object s_growLock = new();
    private static volatile Worker[] s_workers = [];

    /// <summary>
    /// Hands <paramref name="work"/> to up to <paramref name="helpers"/> idle helpers and returns at once;
    /// helpers busy with another caller's work are skipped, which only leaves more for this caller.
    /// </summary>
    public static void Start(SharedWork work, int helpers)
    {
        Worker[] workers = Workers(helpers);
        for (int i = 0; i < workers.Length && helpers > 0; i++)
        {
            if (workers[i].TryAssign(work))
                helpers--;
        }
    }

    private static Worker[] Workers(int wanted)
    {
        wanted = Math.Min(wanted, Environment.ProcessorCount - 1);
        Worker[] workers = s_workers;
        if (workers.Length >= wanted)
            return workers;
        lock (s_growLock)
        {
            workers = s_workers;
            if (workers.Length < wanted)
            {
                var grown = new Worker[wanted];
                workers.CopyTo(grown, 0);
                for (int i = workers.Length; i < wanted; i++)
                    grown[i] = new Worker(i);
                s_workers = workers = grown;
            }
            return workers;
        }
    }

    private sealed class Worker
    {
        private readonly SemaphoreSlim _wake = new(0);
        private SharedWork? _work;
        private int _busy, _sleeping;

        public Worker(int index)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Ebm GEMM helper {index}" };
            thread.Start();
        }

        public bool TryAssign(SharedWork work)
        {
            if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
                return false;
            Volatile.Write(ref _work, work);
            // Pairs with the check in Loop: a helper about to block either sees the work or is released.
            if (Interlocked.Exchange(ref _sleeping, 0) == 1)
                _wake.Release();
            return true;
        }

        private void Loop()
        {
            long idleSince = Stopwatch.GetTimestamp();
            var spin = new SpinWait();
            while (true)
            {
                SharedWork? work = Interlocked.Exchange(ref _work, null);
                if (work is not null)
                {
                    work.Help();
                    Volatile.Write(ref _busy, 0);
                    idleSince = Stopwatch.GetTimestamp();
                    spin.Reset();
                    continue;
                }
                if (Stopwatch.GetTimestamp() - idleSince < SpinTicks)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                    continue;
                }
                Interlocked.Exchange(ref _sleeping, 1);
                if (Volatile.Read(ref _work) is not null)
                {
                    // Work arrived meanwhile. If its sender already cleared the flag it also released the
                    // semaphore, and that release must be consumed here or the next wait would not block.
                    if (Interlocked.Exchange(ref _sleeping, 0) == 0)
                        _wake.Wait();
                    continue;
                }
                _wake.Wait();
                idleSince = Stopwatch.GetTimestamp();
                spin.Reset();
            }
        }
    }
}
