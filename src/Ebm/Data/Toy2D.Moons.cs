using static System.FormattableString;
using Ebm.Rng;

namespace Ebm.Data;

public static partial class Toy2D
{
    /// <summary>The Gaussian noise added to each coordinate of a moons point by default.</summary>
    public const float DefaultMoonsNoise = 0.1f;

    /// <summary>Two moons with noise <see cref="DefaultMoonsNoise"/>.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>count × 2 points; label 0 for the upper moon, 1 for the lower.</returns>
    public static Dataset Moons(int count, ulong seed) => Moons(count, seed, DefaultMoonsNoise);

    /// <summary>
    /// Two interleaved half circles, as scikit-learn's <c>make_moons</c>: t = π·u (unit 0), the upper moon
    /// (cos t, sin t) and the lower (1 − cos t, 0.5 − sin t), chosen with equal probability (unit 2), plus Gaussian
    /// noise on each coordinate (units 4, 5).
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="noise">The std of the noise on each coordinate, at least 0.</param>
    /// <returns>count × 2 points; label 0 for the upper moon, 1 for the lower.</returns>
    public static Dataset Moons(int count, ulong seed, float noise) => Generate(MoonsSampler(noise), 0, count, seed);

    private static Sampler MoonsSampler(float noise)
    {
        RequireNoise(noise);
        return new Sampler("moons", Invariant($"moons: two half circles, Gaussian noise {noise}"), true, stream =>
        {
            int moon = Choose(stream.Bits(2), 2);
            float t = MathF.PI * stream.Uniform(0);
            float x = moon == 0 ? MathF.Cos(t) : 1 - MathF.Cos(t);
            float y = moon == 0 ? MathF.Sin(t) : 0.5f - MathF.Sin(t);
            return new ToyPoint(x + noise * stream.Normal(4), y + noise * stream.Normal(5), moon);
        });
    }
}
