namespace Ebm.Sampling;

/// <summary>Which noisy law a score model knows, and so how <see cref="DiffusionSampler"/> asks it for the score of step t.</summary>
public enum NoiseParameterization
{
    /// <summary>
    /// The data plus N(0, σ²I), unshrunk: what denoising score matching and NCSN learn. Ho et al.'s marginal at step t is
    /// the data shrunk by √ᾱ_t plus N(0, (1 − ᾱ_t)I), whose score is s_t(x) = s(x/√ᾱ_t, σ′_t)/√ᾱ_t with
    /// σ′_t = √((1 − ᾱ_t)/ᾱ_t); the model is asked at x/√ᾱ_t and σ′_t, exact for an exact score.
    /// </summary>
    VarianceExploding,

    /// <summary>
    /// Ho et al.'s marginal itself: the model is asked at x_t and σ_t = √(1 − ᾱ_t), the score used as given (also the
    /// way to run a model that ignores σ, such as one trained at a single σ).
    /// </summary>
    VariancePreserving,
}
