using System.Globalization;
using static System.FormattableString;
using Ebm.Rng;

namespace Ebm.Data;

public static partial class Toy2D
{
    /// <summary>The radii of <see cref="Rings(int, ulong)"/>: FFJORD's four rings (Grathwohl et al. 2019).</summary>
    public static IReadOnlyList<float> DefaultRingRadii { get; } = Array.AsReadOnly([0.75f, 1.5f, 2.25f, 3f]);

    /// <summary>The Gaussian noise added to each coordinate of a ring point by default.</summary>
    public const float DefaultRingNoise = 0.08f;

    /// <summary>Four concentric rings of radii <see cref="DefaultRingRadii"/>, noise <see cref="DefaultRingNoise"/>.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>count × 2 points; labels are the ring indices.</returns>
    public static Dataset Rings(int count, ulong seed) => Rings(count, seed, DefaultRingRadii, DefaultRingNoise);

    /// <summary>
    /// Concentric circles: a ring chosen uniformly (word of unit 2), an angle 2π·u (unit 0), and Gaussian noise of
    /// std <paramref name="noise"/> on each coordinate (units 4, 5). Every ring gets the same expected count, as in
    /// FFJORD, so inner rings are denser.
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="radii">The radii of the rings; at least one, each positive.</param>
    /// <param name="noise">The std of the noise on each coordinate, at least 0.</param>
    /// <returns>count × 2 points; labels are the ring indices.</returns>
    public static Dataset Rings(int count, ulong seed, IReadOnlyList<float> radii, float noise) =>
        Generate(RingsSampler(radii, noise), 0, count, seed);

    private static Sampler RingsSampler(IReadOnlyList<float> radii, float noise)
    {
        ArgumentNullException.ThrowIfNull(radii);
        float[] r = [.. radii];
        if (r.Length == 0 || r.Any(x => !(x > 0) || float.IsInfinity(x)))
            throw new ArgumentException("Rings need at least one radius, each positive and finite.", nameof(radii));
        RequireNoise(noise);
        return new Sampler("rings", Invariant($"rings: radii {string.Join(", ", r.Select(x => x.ToString(CultureInfo.InvariantCulture)))}, equal counts, Gaussian noise {noise}"), true, stream =>
        {
            int k = Choose(stream.Bits(2), r.Length);
            float theta = 2 * MathF.PI * stream.Uniform(0);
            return new ToyPoint(r[k] * MathF.Cos(theta) + noise * stream.Normal(4), r[k] * MathF.Sin(theta) + noise * stream.Normal(5), k);
        });
    }

    private static void RequireNoise(float noise)
    {
        if (!(noise >= 0) || float.IsInfinity(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "The noise must be finite and at least 0.");
    }
}
