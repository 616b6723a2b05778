using System.Diagnostics;

namespace Ebm.LinearAlgebra;

/// <summary>Measures the speed of <see cref="Blas.Gemm(Transpose, Transpose, int, int, int, float, ReadOnlySpan{float}, ReadOnlySpan{float}, float, Span{float})"/> on this machine.</summary>
public static class GemmThroughput
{
    private const int Repetitions = 9;

    /// <summary>
    /// GFLOP/s (2·m·n·k flops per call) of C ← A·B for random m×k A and k×n B, neither transposed, on every
    /// core the product can use: the median of nine timed repetitions that follow a warm-up (of at least
    /// 0.25 s, for the JIT to finish), so the result is steady under brief interference from other processes.
    /// </summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="k">Columns of A, rows of B.</param>
    /// <param name="seconds">Total time to spend, warm-up included; at least one call is timed per repetition.</param>
    /// <returns>Billions of floating-point operations per second.</returns>
    public static double Measure(int m, int n, int k, double seconds) => Measure(m, n, k, seconds, -1);

    /// <summary>
    /// GFLOP/s of C ← A·B as <see cref="Measure(int, int, int, double)"/>, on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads (1 gives the single-core figure).
    /// </summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="k">Columns of A, rows of B.</param>
    /// <param name="seconds">Total time to spend, warm-up included; at least one call is timed per repetition.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use; -1 allows every core.</param>
    /// <returns>Billions of floating-point operations per second.</returns>
    public static double Measure(int m, int n, int k, double seconds, int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (!(seconds > 0))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Must be positive.");

        var random = new Random(12345);
        float[] a = new float[(long)m * k], b = new float[(long)k * n], c = new float[(long)m * n];
        for (int i = 0; i < a.Length; i++)
            a[i] = random.NextSingle() - 0.5f;
        for (int i = 0; i < b.Length; i++)
            b[i] = random.NextSingle() - 0.5f;

        void Call() => Blas.Gemm(Transpose.No, Transpose.No, m, n, k, 1f, a, b, 0f, c, maxDegreeOfParallelism);

        // The warm-up lets tiered compilation replace the first, unoptimised code (it does so in the
        // background after about 100 ms), so it runs for at least a quarter second whatever is asked.
        double slice = seconds / (Repetitions + 1);
        var clock = Stopwatch.StartNew();
        do
            Call();
        while (clock.Elapsed.TotalSeconds < Math.Max(slice, 0.25));

        // Batches sized from warm calls only: the warm-up's own rate includes the slow first calls.
        long start0 = Stopwatch.GetTimestamp();
        int probe = 0;
        do
        {
            Call();
            probe++;
        }
        while (Stopwatch.GetElapsedTime(start0).TotalSeconds < slice / 10);
        double perCall = Stopwatch.GetElapsedTime(start0).TotalSeconds / probe;
        int callsPerRep = (int)Math.Clamp(slice / perCall, 1, int.MaxValue);

        double flopsPerCall = 2.0 * m * n * k;
        var rates = new double[Repetitions];
        for (int rep = 0; rep < Repetitions; rep++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int call = 0; call < callsPerRep; call++)
                Call();
            double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            rates[rep] = flopsPerCall * callsPerRep / elapsed / 1e9;
        }
        Array.Sort(rates);
        return rates[Repetitions / 2];
    }
}
