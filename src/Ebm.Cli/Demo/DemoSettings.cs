namespace Ebm.Cli.Demo;

/// <summary>The sizes of one demo run; <see cref="Quick"/> is the tests' few-second version of <see cref="Full"/>.</summary>
/// <param name="MixtureComponents">Components of the Gaussian mixture energy.</param>
/// <param name="MixtureRows">Training points of the two moons (as many again are held out).</param>
/// <param name="DenoisingSteps">Adam steps of denoising score matching, each on every training point with fresh noise.</param>
/// <param name="LikelihoodEvery">Steps between two test log-likelihoods on the training curve.</param>
/// <param name="LangevinChains">MALA chains drawn from the trained mixture.</param>
/// <param name="LangevinSteps">MALA steps of each chain.</param>
/// <param name="RbmHidden">Hidden units of the RBM (exact log Z enumerates 2^hidden states).</param>
/// <param name="RbmEpochs">PCD epochs over the embedded Fashion-MNIST training images.</param>
/// <param name="RbmChains">Gibbs chains drawn from the trained RBM (the image grid).</param>
/// <param name="GibbsSweeps">Sweeps of each chain.</param>
internal sealed record DemoSettings(int MixtureComponents, int MixtureRows, int DenoisingSteps, int LikelihoodEvery, int LangevinChains,
    int LangevinSteps, int RbmHidden, int RbmEpochs, int RbmChains, int GibbsSweeps)
{
    public static DemoSettings Full { get; } = new(16, 2000, 600, 25, 1000, 500, 16, 25, 64, 1000);

    public static DemoSettings Quick { get; } = new(8, 400, 60, 20, 200, 100, 8, 2, 16, 50);
}
