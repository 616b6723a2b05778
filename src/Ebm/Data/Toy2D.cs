using Ebm.Rng;

namespace Ebm.Data;

/// <summary>
/// Two-dimensional toy distributions for energy-based models: Gaussian mixtures, concentric rings, two moons, a
/// swiss roll and a checkerboard. Each returns a <see cref="Dataset"/> of float32 [count × 2], deterministic for a
/// seed.
/// </summary>
/// <remarks>
/// Sample i is a pure function of (seed, i): it draws from the <see cref="RandomStream"/> (seed, stream i, step 0),
/// units 0–3 for uniforms and choices and units 4–5 for its two normals. So the first m samples of a set of n are the
/// set of m, and a test split (<see cref="Load"/>) is the samples that follow the training ones.
/// </remarks>
public static partial class Toy2D
{
    /// <summary>
    /// The training and test sets of a toy distribution: samples 0 … trainCount − 1 and the testCount samples after
    /// them, so the two never share a sample.
    /// </summary>
    /// <param name="kind">The distribution, with its default parameters.</param>
    /// <param name="trainCount">The number of training samples, at least 0.</param>
    /// <param name="testCount">The number of test samples, at least 0.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>Both sets; the note is empty.</returns>
    public static DataSplits Load(ToyDataset kind, int trainCount, int testCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainCount);
        ArgumentOutOfRangeException.ThrowIfNegative(testCount);
        if ((long)trainCount + testCount > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(testCount), "trainCount + testCount must fit in an int.");
        Sampler sampler = kind switch
        {
            ToyDataset.Moons => MoonsSampler(DefaultMoonsNoise),
            ToyDataset.Rings => RingsSampler(DefaultRingRadii, DefaultRingNoise),
            ToyDataset.Mixture8 => MixtureSampler("mixture8", Mixture8Components),
            ToyDataset.Mixture2 => MixtureSampler("mixture2", TwoModesComponents),
            ToyDataset.SwissRoll => SwissRollSampler(DefaultSwissRollNoise),
            ToyDataset.Checkerboard => CheckerboardSampler(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a toy dataset."),
        };
        return new DataSplits(Generate(sampler, 0, trainCount, seed), Generate(sampler, trainCount, testCount, seed), "");
    }

    /// <summary>A point of a toy set and its label (the component, ring or moon it came from; −1 for none).</summary>
    private readonly record struct ToyPoint(float X, float Y, int Label);

    /// <summary>How one toy set draws its points, with the words that describe it in a dataset's source.</summary>
    private sealed record Sampler(string Name, string Description, bool Labelled, Func<RandomStream, ToyPoint> Sample);

    private static Dataset Generate(Sampler sampler, int first, int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = new float[2 * count];
        var labels = sampler.Labelled ? new int[count] : [];
        for (int i = 0; i < count; i++)
        {
            ToyPoint p = sampler.Sample(new RandomStream(seed, (uint)(first + i), 0));
            values[2 * i] = p.X;
            values[2 * i + 1] = p.Y;
            if (sampler.Labelled)
                labels[i] = p.Label;
        }
        string range = count == 0 ? "no samples" : $"samples {first}-{first + count - 1}";
        return new Dataset(sampler.Name, [2], values, labels, $"{sampler.Description}; seed {seed}, {range}");
    }

    /// <summary>A uniform index in 0 … k − 1 from a random word, by multiply-and-shift (bias below k / 2³²).</summary>
    private static int Choose(uint bits, int k) => (int)(((ulong)bits * (ulong)k) >> 32);
}
