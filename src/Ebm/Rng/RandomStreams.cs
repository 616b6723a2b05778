namespace Ebm.Rng;

/// <summary>
/// Draws of many consecutive streams (chains) at one step at once, each bit for bit what its own
/// <see cref="RandomStream"/> gives: the Philox blocks of neighbouring streams differ only in the stream word of
/// the counter, so they are computed side by side in SIMD lanes, where one stream's few units would not fill a vector.
/// </summary>
public static class RandomStreams
{
    // Streams per pass: the word arrays of one pass live on the stack.
    private const int Batch = 256;

    /// <summary>
    /// Writes <c>new RandomStream(seed, firstStream + c, step).Normal(u)</c> to element c·units + u, for
    /// u &lt; <paramref name="units"/> and c &lt; destination.Length / units.
    /// </summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="firstStream">The stream of row 0.</param>
    /// <param name="step">The step.</param>
    /// <param name="units">Normals per stream, units 0 … units − 1.</param>
    /// <param name="destination">Receives one row of <paramref name="units"/> normals per stream.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The destination's length is not a multiple of <paramref name="units"/>, or the streams pass 2³².</exception>
    public static void FillNormal(ulong seed, uint firstStream, ulong step, int units, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        if (destination.Length % units != 0)
            throw new ArgumentException($"The destination holds {destination.Length} values, not a multiple of {units} units.", nameof(destination));
        int streams = destination.Length / units;
        if ((ulong)firstStream + (ulong)streams > 1UL << 32)
            throw new ArgumentException($"Streams {firstStream} … {firstStream + (ulong)streams - 1} pass the last stream id, 2³² − 1.", nameof(destination));

        var key = new RandomStream(seed, 0, step).Key;
        Span<uint> w0 = stackalloc uint[Batch], w1 = stackalloc uint[Batch], w2 = stackalloc uint[Batch], w3 = stackalloc uint[Batch];
        Span<uint> pairs = stackalloc uint[2 * Batch];
        Span<float> normals = stackalloc float[2 * Batch];
        for (int c0 = 0; c0 < streams; c0 += Batch)
        {
            int n = Math.Min(Batch, streams - c0);
            Span<float> rows = destination.Slice(c0 * units, n * units);
            // Units 4b … 4b + 3 come from block b: Box–Muller of words (0, 1) and of words (2, 3).
            for (int b = 0; 4 * b < units; b++)
            {
                var counter = new Philox4x32Block((uint)b, (uint)step, (uint)(step >> 32), firstStream + (uint)c0);
                Philox4x32.FillStreams(key, counter, w0[..n], w1[..n], w2[..n], w3[..n]);
                for (int half = 0; half < 2 && 4 * b + 2 * half < units; half++)
                {
                    ReadOnlySpan<uint> first = half == 0 ? w0 : w2, second = half == 0 ? w1 : w3;
                    for (int c = 0; c < n; c++)
                    {
                        pairs[2 * c] = first[c];
                        pairs[2 * c + 1] = second[c];
                    }
                    BoxMullerBatch.Transform(pairs[..(2 * n)], normals[..(2 * n)]);
                    int u = 4 * b + 2 * half;
                    if (u + 1 < units)
                        for (int c = 0; c < n; c++)
                        {
                            rows[c * units + u] = normals[2 * c];
                            rows[c * units + u + 1] = normals[2 * c + 1];
                        }
                    else
                        for (int c = 0; c < n; c++)
                            rows[c * units + u] = normals[2 * c];
                }
            }
        }
    }
}
