namespace Ebm.Sampling;

/// <summary>
/// Settings of the ancestral diffusion sampler (<see cref="DiffusionSampler"/>; Ho, Jain &amp; Abbeel 2020): T steps of a
/// linear β schedule from <see cref="BetaStart"/> to <see cref="BetaEnd"/>.
/// </summary>
/// <param name="Steps">T ≥ 1 reverse steps, t = T … 1.</param>
/// <param name="Seed">Chain c draws the noise of reverse step k (k = 0 for t = T) from <c>RandomStream(Seed, c, FirstStep + k)</c>.</param>
public sealed record DiffusionOptions(int Steps, ulong Seed)
{
    /// <summary>β₁, the variance of the first forward step (Ho et al.: 10⁻⁴).</summary>
    public float BetaStart { get; init; } = 1e-4f;

    /// <summary>β_T, the variance of the last forward step (Ho et al.: 0.02).</summary>
    public float BetaEnd { get; init; } = 0.02f;

    /// <summary>Which noisy law the score knows: by default the data plus N(0, σ²I), as (multi-noise) denoising score matching learns it.</summary>
    public NoiseParameterization Parameterization { get; init; } = NoiseParameterization.VarianceExploding;

    /// <summary>The RandomStream step of the first reverse step.</summary>
    public long FirstStep { get; init; }

    /// <summary>Threads working on chunks of chains; the samples do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
