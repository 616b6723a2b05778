using Ebm.Statistics;

namespace Ebm.Contrastive;

/// <summary>The outcome of <see cref="Manifold2D.Fit(IEnergyModel, Data.Dataset, ContrastiveOptions)"/>.</summary>
/// <param name="Training">The trained model, its history and buffer.</param>
/// <param name="Samples">The samples of the trained energy, [chains × 2] row-major.</param>
/// <param name="Histogram">The samples counted on the noise box.</param>
/// <param name="MmdSquared">The unbiased MMD² between the first data rows and as many samples.</param>
/// <param name="Bandwidth">The Gaussian kernel's bandwidth h: the median distance between those data rows.</param>
public sealed record Manifold2DResult(ContrastiveResult Training, float[] Samples, Histogram2D Histogram, double MmdSquared, double Bandwidth);
