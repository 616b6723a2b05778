using static System.FormattableString;
using Ebm.Rng;

namespace Ebm.Data;

public static partial class Toy2D
{
    /// <summary>
    /// The components of <see cref="Mixture8(int, ulong)"/>: 8 equal Gaussians of std 0.5 with means on a circle of
    /// radius 4 at angles 2πk/8 — the mixture of the peers' Langevin benchmark (<c>torch_langevin.py</c>).
    /// </summary>
    public static IReadOnlyList<MixtureComponent> Mixture8Components { get; } = Array.AsReadOnly(
        Enumerable.Range(0, 8).Select(k => new MixtureComponent(1, 4 * Math.Cos(2 * Math.PI * k / 8), 4 * Math.Sin(2 * Math.PI * k / 8), 0.5)).ToArray());

    /// <summary>
    /// The components of <see cref="TwoModes(int, ulong)"/>: 0.2·N((−5, −5), I) + 0.8·N((5, 5), I), the mixture with
    /// which Song and Ermon (2019) show that scores alone do not recover the weights of separated modes.
    /// </summary>
    public static IReadOnlyList<MixtureComponent> TwoModesComponents { get; } = Array.AsReadOnly(
        [new MixtureComponent(0.2, -5, -5, 1), new MixtureComponent(0.8, 5, 5, 1)]);

    /// <summary>8 Gaussians on a ring (<see cref="Mixture8Components"/>); labels are the component indices.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>count × 2 points.</returns>
    public static Dataset Mixture8(int count, ulong seed) => Generate(MixtureSampler("mixture8", Mixture8Components), 0, count, seed);

    /// <summary>Song and Ermon's two modes of weight 0.2 and 0.8 (<see cref="TwoModesComponents"/>); labels are the component indices.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>count × 2 points.</returns>
    public static Dataset TwoModes(int count, ulong seed) => Generate(MixtureSampler("mixture2", TwoModesComponents), 0, count, seed);

    /// <summary>
    /// A mixture of isotropic Gaussians: a component is chosen with probability proportional to its weight (from the
    /// uniform of unit 0), then the point is its mean plus its std times the normals of units 4 and 5.
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="components">The components; at least one, weights positive, stds at least 0.</param>
    /// <returns>count × 2 points; labels are the component indices.</returns>
    public static Dataset GaussianMixture(int count, ulong seed, IReadOnlyList<MixtureComponent> components) =>
        Generate(MixtureSampler("mixture", components), 0, count, seed);

    private static Sampler MixtureSampler(string name, IReadOnlyList<MixtureComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        MixtureComponent[] parts = [.. components];
        if (parts.Length == 0)
            throw new ArgumentException("A mixture needs at least one component.", nameof(components));
        foreach (MixtureComponent c in parts)
        {
            if (!(c.Weight > 0) || double.IsInfinity(c.Weight))
                throw new ArgumentException($"Component {c} has a weight that is not positive and finite.", nameof(components));
            if (!(c.Std >= 0) || double.IsInfinity(c.Std))
                throw new ArgumentException($"Component {c} has a std that is not finite and at least 0.", nameof(components));
        }
        double total = parts.Sum(c => c.Weight);
        var cumulative = new double[parts.Length];
        double running = 0;
        for (int k = 0; k < parts.Length; k++)
            cumulative[k] = (running += parts[k].Weight) / total;
        // Rounding can leave the last sum a hair below 1, and u can be exactly 1.
        cumulative[^1] = 1;

        string description = Invariant($"{name}: {parts.Length} Gaussians ")
            + string.Join(", ", parts.Select(c => Invariant($"{c.Weight / total:0.###}*N(({c.MeanX:0.###}, {c.MeanY:0.###}), {c.Std:0.###}^2 I)")));
        return new Sampler(name, description, true, stream =>
        {
            float u = stream.Uniform(0);
            int k = 0;
            while (u > cumulative[k])
                k++;
            MixtureComponent c = parts[k];
            return new ToyPoint((float)(c.MeanX + c.Std * stream.Normal(4)), (float)(c.MeanY + c.Std * stream.Normal(5)), k);
        });
    }
}
