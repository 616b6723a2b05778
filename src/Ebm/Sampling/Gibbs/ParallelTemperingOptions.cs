namespace Ebm.Sampling;

/// <summary>The temperatures, length, seed and recording of a parallel-tempering run.</summary>
/// <param name="Betas">The inverse temperatures β₀ = 1 &gt; β₁ &gt; … &gt; β_K ≥ 0, one replica each; replica k samples e^(−β_k·E). β₀ must be 1 so that replica 0 samples the model.</param>
/// <param name="Sweeps">The number of sweeps; each updates every replica's Gibbs blocks once, then proposes swaps.</param>
/// <param name="Seed">The run's seed: with the starting states it determines the result bit for bit, whatever the thread count.</param>
public sealed record ParallelTemperingOptions(IReadOnlyList<float> Betas, int Sweeps, ulong Seed)
{
    /// <summary>The inverse temperatures (a read-only copy).</summary>
    public IReadOnlyList<float> Betas { get; init => field = value.ToArray(); } = Betas.ToArray();

    /// <summary>The global index of the first sweep (0 by default); see <see cref="GibbsOptions.FirstSweep"/>.</summary>
    public ulong FirstSweep { get; init; }

    /// <summary>Sweeps run before any recording (0 by default).</summary>
    public int BurnIn { get; init; }

    /// <summary>Record replica 0 after every this many sweeps past the burn-in; 0 (the default) records nothing.</summary>
    public int RecordEvery { get; init; }

    /// <summary>The most threads to use; −1 (the default) lets the runtime decide. It never changes the result.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Equal when every value is, the inverse temperatures entry by entry.</summary>
    public bool Equals(ParallelTemperingOptions? other) =>
        other is not null && Betas.SequenceEqual(other.Betas) && Sweeps == other.Sweeps && Seed == other.Seed
        && FirstSweep == other.FirstSweep && BurnIn == other.BurnIn && RecordEvery == other.RecordEvery
        && MaxDegreeOfParallelism == other.MaxDegreeOfParallelism;

    /// <summary>Consistent with <see cref="Equals(ParallelTemperingOptions)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Betas.Count, Sweeps, Seed, FirstSweep, BurnIn, RecordEvery);
}
