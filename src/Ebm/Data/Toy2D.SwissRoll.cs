using static System.FormattableString;
using Ebm.Rng;

namespace Ebm.Data;

public static partial class Toy2D
{
    /// <summary>The Gaussian noise added to each coordinate of a swiss roll point by default, before the scaling by 1/5.</summary>
    public const float DefaultSwissRollNoise = 1f;

    /// <summary>The 2-D swiss roll with noise <see cref="DefaultSwissRollNoise"/>.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>count × 2 points, unlabelled.</returns>
    public static Dataset SwissRoll(int count, ulong seed) => SwissRoll(count, seed, DefaultSwissRollNoise);

    /// <summary>
    /// The spiral of scikit-learn's <c>make_swiss_roll</c> seen from above, scaled by 1/5 as in FFJORD:
    /// t = 1.5π(1 + 2u) (unit 0), point = (t cos t + noise·z₀, t sin t + noise·z₁) / 5 (normals of units 4, 5).
    /// Without noise the distance from the origin is t / 5, between 0.3π and 0.9π.
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="noise">The std of the noise on each coordinate before scaling, at least 0.</param>
    /// <returns>count × 2 points, unlabelled.</returns>
    public static Dataset SwissRoll(int count, ulong seed, float noise) => Generate(SwissRollSampler(noise), 0, count, seed);

    private static Sampler SwissRollSampler(float noise)
    {
        RequireNoise(noise);
        return new Sampler("swissroll", Invariant($"swissroll: (t cos t, t sin t)/5, t = 1.5pi(1 + 2u), Gaussian noise {noise}/5"), false, stream =>
        {
            float t = 1.5f * MathF.PI * (1 + 2 * stream.Uniform(0));
            return new ToyPoint((t * MathF.Cos(t) + noise * stream.Normal(4)) / 5, (t * MathF.Sin(t) + noise * stream.Normal(5)) / 5, -1);
        });
    }
}
