using System.Buffers;
using Ebm.Rng;
using Ebm.Sampling;

namespace Ebm.Contrastive;

/// <summary>
/// K unadjusted moves x ← clamp(x − α∇ₓE + √(2α)·s·z) of chains of one continuous group, in place. Chains are
/// independent, so each chunk of rows makes all its moves on one thread; chain j's noise at move t comes from
/// RandomStream(seed, j, firstStep + t), so the result does not depend on the thread count.
/// </summary>
internal static class ShortRunLangevin
{
    /// <summary>Moves the chains; returns the lowest chain whose state became NaN or infinite, or −1.</summary>
    public static int Run(IEnergyModel model, float[] states, int chains, int units, ulong seed, long firstStep, int steps,
        float alpha, float noiseScale, float lower, float upper, int maxDegreeOfParallelism)
    {
        float noise = (float)(Math.Sqrt(2.0 * alpha) * noiseScale);
        int chunks = (chains + ContrastiveLoss.ChunkRows - 1) / ContrastiveLoss.ChunkRows;
        var bad = new int[chunks];
        Parallelism.For(0, chunks, maxDegreeOfParallelism, k =>
        {
            int first = k * ContrastiveLoss.ChunkRows, count = Math.Min(ContrastiveLoss.ChunkRows, chains - first), length = count * units;
            float[] x = ArrayPool<float>.Shared.Rent(length), y = ArrayPool<float>.Shared.Rent(length);
            float[] g = ArrayPool<float>.Shared.Rent(length), z = ArrayPool<float>.Shared.Rent(length);
            float[] e = ArrayPool<float>.Shared.Rent(count);
            states.AsSpan(first * units, length).CopyTo(x);
            bad[k] = -1;
            for (int t = 0; t < steps && bad[k] < 0; t++)
            {
                model.StateGradient([new ReadOnlyMemory<float>(x, 0, length)], [new Memory<float>(g, 0, length)], e.AsSpan(0, count));
                RandomStreams.FillNormal(seed, (uint)first, (ulong)(firstStep + t), units, z.AsSpan(0, length));
                int at = UlaMove.Apply(x.AsSpan(0, length), g.AsSpan(0, length), z.AsSpan(0, length), alpha, noise, lower, upper, y.AsSpan(0, length));
                if (at >= 0)
                    bad[k] = first + at / units;
                (x, y) = (y, x);
            }
            x.AsSpan(0, length).CopyTo(states.AsSpan(first * units, length));
            foreach (float[] rented in new[] { x, y, g, z, e })
                ArrayPool<float>.Shared.Return(rented);
        });
        return bad.Where(b => b >= 0).DefaultIfEmpty(-1).Min();
    }
}
