namespace Ebm.Contrastive;

/// <summary>How <see cref="Manifold2D.Fit(IEnergyModel, Data.Dataset, ContrastiveOptions, ManifoldSampling)"/> samples the trained energy and compares the samples with the data.</summary>
/// <param name="Chains">Chains, each started from fresh uniform noise on the training options' box; ≥ 2.</param>
/// <param name="Steps">Langevin moves per chain, with the training options' step size, noise scale and clamp; ≥ 1.</param>
/// <param name="Bins">Histogram cells per axis over the box; ≥ 1.</param>
/// <param name="MmdRows">Data rows (the first ones) and samples compared by MMD; ≥ 2.</param>
public sealed record ManifoldSampling(int Chains, int Steps, int Bins, int MmdRows)
{
    /// <summary>2,000 chains of 1,000 moves, 32 × 32 cells, MMD on 1,000 rows.</summary>
    public static ManifoldSampling Default { get; } = new(2000, 1000, 32, 1000);
}
