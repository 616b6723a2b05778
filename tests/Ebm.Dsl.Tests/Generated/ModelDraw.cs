using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// The random draws of one property case, all finite and in float: a seed from FsCheck drives a
/// System.Random, so a failure reports the seed that reproduces it.
/// </summary>
public sealed class ModelDraw(int seed, bool wide = false)
{
    private readonly Random random = new(seed);

    public int Seed => seed;

    /// <summary>A free size: 1 to 4, or for a wide draw 9 to 21, past a vector so that vectorised loops run with a remainder.</summary>
    public int Size() => wide ? random.Next(9, 22) : random.Next(1, 5);

    /// <summary>A batch size: mostly a few rows, one time in four past one or two 64-row tiles of lane-mode code, with a partial last tile.</summary>
    public int Count() => random.Next(4) == 0 ? random.Next(60, 140) : random.Next(1, 6);

    public float Positive() => (float)(0.5 + random.NextDouble() * 1.5);

    /// <summary>Uniform in [−scale, scale].</summary>
    public float[] Values(int n, double scale) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();

    public float[] Bits(int n) => Enumerable.Range(0, n).Select(_ => (float)random.Next(2)).ToArray();

    /// <summary>Magnitudes in [0.05, 2] with either sign: finite differences of |x| never straddle its kink.</summary>
    public float[] Continuous(int n) =>
        Enumerable.Range(0, n).Select(_ => (float)((0.05 + random.NextDouble() * 1.95) * (random.Next(2) == 0 ? -1 : 1))).ToArray();

    public override string ToString() => $"seed {seed}";
}

public static class ModelDrawArbitrary
{
    public static Arbitrary<ModelDraw> Draw() => Gen.Choose(0, int.MaxValue - 1).Select(seed => new ModelDraw(seed)).ToArbitrary();
}
