using System.Numerics;

namespace Ebm.Rng;

// Span fills: element j of the destination is the scalar draw of unit firstUnit + j, bit for bit. Words are
// generated a chunk at a time on the stack (the vectorized Philox fills whole blocks), then converted.
public readonly partial record struct RandomStream
{
    private const int ChunkWords = 1024;

    /// <summary>Writes <see cref="Bits"/>(firstUnit + j) to element j.</summary>
    /// <param name="destination">Receives the words.</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public void FillBits(Span<uint> destination, uint firstUnit = 0)
    {
        RequireUnits(firstUnit, destination.Length);
        GenerateWords(firstUnit, destination);
    }

    /// <summary>Writes <see cref="Uniform"/>(firstUnit + j) to element j.</summary>
    /// <param name="destination">Receives uniforms in (0, 1].</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public void FillUniform(Span<float> destination, uint firstUnit = 0)
    {
        RequireUnits(firstUnit, destination.Length);
        Span<uint> bits = stackalloc uint[ChunkWords];
        for (int done = 0; done < destination.Length; done += ChunkWords)
        {
            int n = Math.Min(ChunkWords, destination.Length - done);
            GenerateWords((ulong)firstUnit + (ulong)done, bits[..n]);
            ToUniform(bits[..n], destination.Slice(done, n));
        }
    }

    /// <summary>Writes <see cref="UniformDouble"/>(firstUnit + j) to element j.</summary>
    /// <param name="destination">Receives uniforms in (0, 1] with 53 random bits.</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public void FillUniform(Span<double> destination, uint firstUnit = 0)
    {
        RequireUnits(firstUnit, destination.Length);
        Span<uint> bits = stackalloc uint[ChunkWords];
        // Unit u takes words 2u and 2u + 1 (W0, W1 or W2, W3 of block u ≫ 1).
        for (int done = 0; done < destination.Length; done += ChunkWords / 2)
        {
            int n = Math.Min(ChunkWords / 2, destination.Length - done);
            GenerateWords(2 * ((ulong)firstUnit + (ulong)done), bits[..(2 * n)]);
            for (int j = 0; j < n; j++)
                destination[done + j] = UniformConversion.ToDouble(bits[2 * j], bits[2 * j + 1]);
        }
    }

    /// <summary>Writes <see cref="Normal"/>(firstUnit + j) to element j.</summary>
    /// <param name="destination">Receives standard normals.</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public void FillNormal(Span<float> destination, uint firstUnit = 0)
    {
        RequireUnits(firstUnit, destination.Length);
        Span<uint> bits = stackalloc uint[ChunkWords];
        // Whole pairs of units: from firstUnit rounded down to even to the end rounded up to even.
        ulong start = firstUnit & ~1UL;
        ulong end = ((ulong)firstUnit + (ulong)destination.Length + 1) & ~1UL;
        Span<float> normals = stackalloc float[ChunkWords];
        for (ulong w = start; w < end; w += ChunkWords)
        {
            int n = (int)Math.Min(ChunkWords, end - w);
            GenerateWords(w, bits[..n]);
            BoxMullerBatch.Transform(bits[..n], normals[..n]);
            // Word w + p is unit w + p; copy the units that fall inside the destination.
            long from = Math.Max((long)w, firstUnit);
            long to = Math.Min((long)w + n, (long)firstUnit + destination.Length);
            normals[(int)(from - (long)w)..(int)(to - (long)w)].CopyTo(destination[(int)(from - firstUnit)..]);
        }
    }

    /// <summary>Writes <see cref="NormalDouble"/>(firstUnit + j) to element j.</summary>
    /// <param name="destination">Receives standard normals.</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public void FillNormal(Span<double> destination, uint firstUnit = 0)
    {
        RequireUnits(firstUnit, destination.Length);
        Span<uint> bits = stackalloc uint[ChunkWords];
        // Units 2b and 2b + 1 share block b; fill whole blocks from firstUnit ≫ 1 to the last unit's block.
        ulong firstBlock = firstUnit >> 1;
        ulong endBlock = ((ulong)firstUnit + (ulong)destination.Length + 1) >> 1;
        for (ulong b = firstBlock; b < endBlock; b += ChunkWords / 4)
        {
            int blocks = (int)Math.Min(ChunkWords / 4, endBlock - b);
            GenerateWords(4 * b, bits[..(4 * blocks)]);
            for (int i = 0; i < blocks; i++)
            {
                NormalPairDouble z = BoxMuller.ToDouble(new Philox4x32Block(bits[4 * i], bits[4 * i + 1], bits[4 * i + 2], bits[4 * i + 3]));
                long j = 2 * (long)(b + (ulong)i) - firstUnit;
                if (j >= 0)
                    destination[(int)j] = z.Z0;
                if (j + 1 < destination.Length)
                    destination[(int)(j + 1)] = z.Z1;
            }
        }
    }

    /// <summary>Writes 1 or 0 for <see cref="Bernoulli"/>(firstUnit + j, probabilities[j]) to element j.</summary>
    /// <param name="probabilities">P(1) of each element.</param>
    /// <param name="result">Receives 1f or 0f; same length as <paramref name="probabilities"/>.</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public void FillBernoulli(ReadOnlySpan<float> probabilities, Span<float> result, uint firstUnit = 0)
    {
        RequireSameLength(probabilities, result, nameof(result));
        RequireUnits(firstUnit, result.Length);
        Span<uint> bits = stackalloc uint[ChunkWords];
        for (int done = 0; done < result.Length; done += ChunkWords)
        {
            int n = Math.Min(ChunkWords, result.Length - done);
            GenerateWords((ulong)firstUnit + (ulong)done, bits[..n]);
            for (int j = 0; j < n; j++)
                result[done + j] = BernoulliConversion.FromProbability(bits[j], probabilities[done + j]) ? 1f : 0f;
        }
    }

    /// <summary>Writes 1 or 0 for <see cref="BernoulliLogit"/>(firstUnit + j, logits[j]) to element j.</summary>
    /// <param name="logits">log(p / (1 − p)) of each element.</param>
    /// <param name="result">Receives 1f or 0f; same length as <paramref name="logits"/>.</param>
    /// <param name="firstUnit">The unit of element 0; firstUnit + length must not exceed 2³².</param>
    public void FillBernoulliLogit(ReadOnlySpan<float> logits, Span<float> result, uint firstUnit = 0)
    {
        RequireSameLength(logits, result, nameof(result));
        RequireUnits(firstUnit, result.Length);
        Span<uint> bits = stackalloc uint[ChunkWords];
        for (int done = 0; done < result.Length; done += ChunkWords)
        {
            int n = Math.Min(ChunkWords, result.Length - done);
            GenerateWords((ulong)firstUnit + (ulong)done, bits[..n]);
            BernoulliLogitBatch.Transform(bits[..n], logits.Slice(done, n), result.Slice(done, n));
        }
    }

    /// <summary>Words firstWord … firstWord + length − 1 of this stream (word w is word w mod 4 of block w ≫ 2).</summary>
    private void GenerateWords(ulong firstWord, Span<uint> destination)
    {
        int i = 0;
        int head = (int)(firstWord & 3);
        if (head != 0 && destination.Length > 0)
        {
            Philox4x32Block b = Block((uint)(firstWord >> 2));
            for (; head < 4 && i < destination.Length; head++)
                destination[i++] = b[head];
        }
        int aligned = (destination.Length - i) & ~3;
        Philox4x32.Fill(Key, Counter((uint)((firstWord + (ulong)i) >> 2)), destination.Slice(i, aligned));
        i += aligned;
        if (i < destination.Length)
        {
            Philox4x32Block b = Block((uint)((firstWord + (ulong)i) >> 2));
            for (int k = 0; i < destination.Length; k++)
                destination[i++] = b[k];
        }
    }

    // Exactly UniformConversion.ToSingle lane-wise: (bits >> 8) + 1 ≤ 2^24 converts exactly, and the scaling is exact.
    private static void ToUniform(ReadOnlySpan<uint> bits, Span<float> destination)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var step = new Vector<float>(UniformConversion.SingleStep);
            for (; j <= bits.Length - Vector<uint>.Count; j += Vector<uint>.Count)
            {
                Vector<int> k = Vector.AsVectorInt32((new Vector<uint>(bits[j..]) >> 8) + Vector<uint>.One);
                (Vector.ConvertToSingle(k) * step).CopyTo(destination[j..]);
            }
        }
        for (; j < bits.Length; j++)
            destination[j] = UniformConversion.ToSingle(bits[j]);
    }

    private static void RequireUnits(uint firstUnit, int length)
    {
        if ((ulong)firstUnit + (ulong)length > 1UL << 32)
            throw new ArgumentOutOfRangeException(nameof(firstUnit), firstUnit,
                $"Units {firstUnit} + {length} run past 2^32, the unit range of one (seed, stream, step).");
    }

    private static void RequireSameLength(ReadOnlySpan<float> input, Span<float> result, string name)
    {
        if (input.Length != result.Length)
            throw new ArgumentException($"{name} has length {result.Length} but the input has {input.Length}.", name);
    }
}
