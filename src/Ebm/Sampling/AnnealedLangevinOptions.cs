namespace Ebm.Sampling;

/// <summary>
/// Settings of annealed Langevin dynamics (Song &amp; Ermon 2019, Algorithm 1) in this library's convention:
/// at noise level σᵢ, <see cref="StepsPerLevel"/> moves x ← x − αᵢ∇ₓEᵢ + √(2αᵢ)·z with αᵢ = ε·σᵢ²/σ_L².
/// The paper writes x ← x + (αᵢ/2)·s + √αᵢ·z, so its ε is twice this one (specs/samplers.md).
/// </summary>
/// <param name="NoiseLevels">σ₁ &gt; σ₂ &gt; … &gt; σ_L &gt; 0, visited in this order (<see cref="NoiseSchedule.Geometric"/>).</param>
/// <param name="Epsilon">ε &gt; 0: the step at the last (smallest) level.</param>
/// <param name="StepsPerLevel">T ≥ 1 moves per level.</param>
/// <param name="Seed">The run's seed; move n of the run (over all levels) draws from <c>RandomStream(Seed, chain, FirstStep + n)</c>.</param>
public sealed record AnnealedLangevinOptions(IReadOnlyList<float> NoiseLevels, float Epsilon, int StepsPerLevel, ulong Seed)
{
    /// <summary>The RandomStream step of the first move.</summary>
    public long FirstStep { get; init; }

    /// <summary>The largest Euclidean norm of one chain's drift in one move; +∞: no clipping.</summary>
    public float MaxDriftNorm { get; init; } = float.PositiveInfinity;

    /// <summary>Moves are clamped so that every unit stays ≥ this.</summary>
    public float LowerBound { get; init; } = float.NegativeInfinity;

    /// <summary>Moves are clamped so that every unit stays ≤ this.</summary>
    public float UpperBound { get; init; } = float.PositiveInfinity;

    /// <summary>Record a copy of all chains after every k-th move of the run; 0 records nothing.</summary>
    public int RecordEvery { get; init; }

    /// <summary>Threads working on chunks of chains; the samples do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
