namespace Ebm.ScoreMatching;

/// <summary>The loss <see cref="ScoreTrainer"/> minimises (specs/score-matching.md).</summary>
public enum ScoreMethod
{
    /// <summary>Exact score matching (Hyvärinen 2005), with the Laplacian: D directional passes per row.</summary>
    Exact,

    /// <summary>Denoising score matching (Vincent 2011) at one noise level, <see cref="ScoreTrainingOptions.Sigma"/>.</summary>
    Denoising,

    /// <summary>Sliced score matching (Song et al. 2019): one Hessian-vector product per row along a Gaussian projection.</summary>
    Sliced,

    /// <summary>
    /// Multi-noise denoising score matching (NCSN, Song &amp; Ermon 2019): each row draws a level σ of
    /// <see cref="ScoreTrainingOptions.NoiseLevels"/> uniformly and its denoising loss is weighted by λ(σ) = σ².
    /// </summary>
    NoiseConditional,
}
