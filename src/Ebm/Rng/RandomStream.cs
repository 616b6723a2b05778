namespace Ebm.Rng;

/// <summary>
/// The random numbers of one chain (stream) at one step of one run (seed). Every draw for unit i is a pure
/// function of (seed, stream, step, i) — one Philox4x32-10 evaluation — so it does not depend on which thread
/// draws it, on the order of the draws, or on how a fill is split; the OpenCL kernels reproduce it.
/// </summary>
/// <remarks>
/// Layout (<c>specs/rng.md</c>): key = (seed mod 2³², seed ≫ 32); the counter of block b is
/// (b, step mod 2³², step ≫ 32, stream). The 32-bit word w of the stream is word w mod 4 of block w ≫ 2.
/// Single-precision draws of unit i use word i (normals: the pair of words i with its last bit cleared and
/// set); double-precision draws of unit i use block i ≫ 1. Draws of different kinds for the same unit reuse
/// the same bits, so two purposes within one step need disjoint units or different steps.
/// </remarks>
/// <param name="Seed">The run's seed; it is the Philox key.</param>
/// <param name="StreamId">The chain (or other independent stream) drawing.</param>
/// <param name="Step">The step of the chain.</param>
public readonly partial record struct RandomStream(ulong Seed, uint StreamId, ulong Step)
{
    /// <summary>The Philox key: (seed mod 2³², seed ≫ 32).</summary>
    public Philox4x32Key Key => new((uint)Seed, (uint)(Seed >> 32));

    /// <summary>The counter of block <paramref name="block"/>: (block, step mod 2³², step ≫ 32, stream).</summary>
    /// <param name="block">The block index within this (seed, stream, step).</param>
    /// <returns>The counter.</returns>
    public Philox4x32Block Counter(uint block) => new(block, (uint)Step, (uint)(Step >> 32), StreamId);

    /// <summary>The 128 random bits of block <paramref name="block"/>.</summary>
    /// <param name="block">The block index within this (seed, stream, step).</param>
    /// <returns>Philox4x32-10 of <see cref="Counter"/> under <see cref="Key"/>.</returns>
    public Philox4x32Block Block(uint block) => Philox4x32.Compute(Key, Counter(block));

    /// <summary>The same seed and stream at another step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The stream of that step.</returns>
    public RandomStream AtStep(ulong step) => this with { Step = step };

    /// <summary>The raw word of unit <paramref name="unit"/>: word unit mod 4 of block unit ≫ 2.</summary>
    /// <param name="unit">The unit index.</param>
    /// <returns>A uniform 32-bit word.</returns>
    public uint Bits(uint unit) => Block(unit >> 2)[(int)(unit & 3)];

    /// <summary>A uniform float in (0, 1]: <see cref="UniformConversion.ToSingle"/> of <see cref="Bits"/>(unit).</summary>
    /// <param name="unit">The unit index.</param>
    /// <returns>The draw.</returns>
    public float Uniform(uint unit) => UniformConversion.ToSingle(Bits(unit));

    /// <summary>
    /// A uniform double in (0, 1] with 53 random bits: <see cref="UniformConversion.ToDouble"/> of words
    /// (W0, W1) of block unit ≫ 1 for an even unit, (W2, W3) for an odd one.
    /// </summary>
    /// <param name="unit">The unit index.</param>
    /// <returns>The draw.</returns>
    public double UniformDouble(uint unit)
    {
        Philox4x32Block b = Block(unit >> 1);
        return (unit & 1) == 0 ? UniformConversion.ToDouble(b.W0, b.W1) : UniformConversion.ToDouble(b.W2, b.W3);
    }

    /// <summary>
    /// A standard normal float: <see cref="BoxMuller.ToSingle"/> of the words of units (unit &amp; ~1, unit | 1);
    /// Z0 for an even unit, Z1 for an odd one, so a pair of units shares one transform.
    /// </summary>
    /// <param name="unit">The unit index.</param>
    /// <returns>The draw.</returns>
    public float Normal(uint unit)
    {
        Philox4x32Block b = Block(unit >> 2);
        NormalPair z = (unit & 2) == 0 ? BoxMuller.ToSingle(b.W0, b.W1) : BoxMuller.ToSingle(b.W2, b.W3);
        return (unit & 1) == 0 ? z.Z0 : z.Z1;
    }

    /// <summary>
    /// A standard normal double: <see cref="BoxMuller.ToDouble"/> of block unit ≫ 1; Z0 for an even unit,
    /// Z1 for an odd one.
    /// </summary>
    /// <param name="unit">The unit index.</param>
    /// <returns>The draw.</returns>
    public double NormalDouble(uint unit)
    {
        NormalPairDouble z = BoxMuller.ToDouble(Block(unit >> 1));
        return (unit & 1) == 0 ? z.Z0 : z.Z1;
    }

    /// <summary>A Bernoulli draw: <see cref="BernoulliConversion.FromProbability"/> of <see cref="Bits"/>(unit).</summary>
    /// <param name="unit">The unit index.</param>
    /// <param name="probability">P(true).</param>
    /// <returns>The draw.</returns>
    public bool Bernoulli(uint unit, float probability) => BernoulliConversion.FromProbability(Bits(unit), probability);

    /// <summary>A Gibbs draw of a binary unit: <see cref="BernoulliConversion.FromLogit"/> of <see cref="Bits"/>(unit).</summary>
    /// <param name="unit">The unit index.</param>
    /// <param name="logit">log(p / (1 − p)).</param>
    /// <returns>The draw.</returns>
    public bool BernoulliLogit(uint unit, float logit) => BernoulliConversion.FromLogit(Bits(unit), logit);
}
