using Ebm.Rng;

namespace Ebm.Contrastive;

/// <summary>
/// Where each update's short-run chains start and where they go back: a replay buffer (chain j of update u takes a
/// uniformly drawn slot, or with probability <see cref="ContrastiveOptions.ReinitFraction"/> fresh uniform noise on the
/// box, and its end state is written back to that slot) or, with <see cref="ContrastiveOptions.Persistent"/>, the same
/// chains carried from update to update.
/// </summary>
internal sealed class NegativeChains
{
    private readonly int units;
    private readonly int chains;
    private readonly bool persistent;
    private readonly float reinit;
    private readonly float lower;
    private readonly float width;
    private readonly ulong restartSeed;
    private readonly int[] slots;

    public NegativeChains(int units, ContrastiveOptions options)
    {
        this.units = units;
        chains = options.ChainsPerUpdate;
        persistent = options.Persistent;
        reinit = options.ReinitFraction;
        lower = options.InitLower;
        width = options.InitUpper - options.InitLower;
        restartSeed = ContrastiveSeeds.For(options.Seed, ContrastiveSeeds.Restart);
        int size = persistent ? chains : options.BufferSize;
        States = new float[size * units];
        ulong bufferSeed = ContrastiveSeeds.For(options.Seed, ContrastiveSeeds.Buffer);
        for (int s = 0; s < size; s++)
            FillFresh(new RandomStream(bufferSeed, (uint)s, 0), 0, States.AsSpan(s * units, units));
        slots = new int[chains];
        StartedFresh = new bool[chains];
    }

    /// <summary>The buffer, or the persistent chains: rows of the group.</summary>
    public float[] States { get; }

    /// <summary>Which chains of the last <see cref="Start"/> began from fresh noise.</summary>
    public bool[] StartedFresh { get; }

    /// <summary>Writes the start of update <paramref name="update"/>'s chains into <paramref name="start"/>; returns how many are fresh.</summary>
    public int Start(long update, float[] start)
    {
        if (persistent)
        {
            States.CopyTo(start, 0);
            return 0;
        }
        int fresh = 0;
        int size = States.Length / units;
        for (int j = 0; j < chains; j++)
        {
            var stream = new RandomStream(restartSeed, (uint)j, (ulong)update);
            slots[j] = (int)((ulong)stream.Bits(1) * (ulong)size >> 32);
            StartedFresh[j] = stream.Uniform(0) <= reinit;
            if (StartedFresh[j])
            {
                FillFresh(stream, 2, start.AsSpan(j * units, units));
                fresh++;
            }
            else
                States.AsSpan(slots[j] * units, units).CopyTo(start.AsSpan(j * units, units));
        }
        return fresh;
    }

    /// <summary>Keeps the chains' end states: back into their slots in chain order (a later chain wins a shared slot), or as the persistent chains.</summary>
    public void Store(float[] negatives)
    {
        if (persistent)
        {
            negatives.AsSpan(0, States.Length).CopyTo(States);
            return;
        }
        for (int j = 0; j < chains; j++)
            negatives.AsSpan(j * units, units).CopyTo(States.AsSpan(slots[j] * units, units));
    }

    private void FillFresh(RandomStream stream, uint firstUnit, Span<float> row)
    {
        stream.FillUniform(row, firstUnit);
        for (int i = 0; i < row.Length; i++)
            row[i] = lower + width * row[i];
    }
}
