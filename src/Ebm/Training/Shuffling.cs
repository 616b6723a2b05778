using Ebm.Rng;

namespace Ebm.Training;

/// <summary>The order of the rows in an epoch: a Fisher–Yates shuffle drawn from the Philox stream (shuffle seed, 0, epoch).</summary>
internal static class Shuffling
{
    public static int[] Permutation(int rows, ulong seed, int epoch)
    {
        var order = new int[rows];
        for (int i = 0; i < rows; i++)
            order[i] = i;
        var stream = new RandomStream(TrainingSeeds.For(seed, TrainingSeeds.Shuffle), 0, (ulong)epoch);
        for (int i = rows - 1; i > 0; i--)
        {
            // Multiply-and-shift maps a 32-bit word onto 0…i with a bias below (i + 1)/2³².
            int j = (int)((ulong)stream.Bits((uint)i) * (ulong)(i + 1) >> 32);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
