using System.Runtime.ExceptionServices;

namespace Ebm;

/// <summary>Parallel loops that fail with the body's own exception, not an AggregateException around it.</summary>
internal static class Parallelism
{
    /// <summary>
    /// <see cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, ParallelOptions, Action{TSource})"/>, rethrowing the
    /// first exception of the body with its stack trace, so that a caller sees the error the sampler raised.
    /// </summary>
    public static void ForEach<T>(IEnumerable<T> items, int maxDegreeOfParallelism, Action<T> body)
    {
        try
        {
            Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, body);
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
        }
    }

    /// <summary><see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>, rethrowing the body's first exception as it was.</summary>
    public static void For(int fromInclusive, int toExclusive, int maxDegreeOfParallelism, Action<int> body)
    {
        try
        {
            Parallel.For(fromInclusive, toExclusive, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, body);
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
        }
    }
}
