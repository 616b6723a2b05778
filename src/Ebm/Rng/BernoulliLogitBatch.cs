using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ebm.Rng;

/// <summary>
/// <see cref="BernoulliConversion.FromLogit"/> over many units at once: h = (u ≤ 1/(1 + exp(−l))) in float with the
/// BCL's vector exp. The scalar draw is this code on one 128-bit lane, so a fill and a one-off draw give the same bits
/// (as <see cref="BoxMullerBatch"/> does for normals); MathF.Exp, a scalar libm call per unit, took a fifth of a
/// Gibbs sweep of a 784×500 RBM.
/// </summary>
internal static class BernoulliLogitBatch
{
    private static readonly Vector128<float> Step128 = Vector128.Create(UniformConversion.SingleStep);
    private static readonly Vector512<float> Step512 = Vector512.Create(UniformConversion.SingleStep);

    /// <summary>result[j] = 1f or 0f, the draw of words[j] at logits[j]; all three have the same length.</summary>
    public static void Transform(ReadOnlySpan<uint> words, ReadOnlySpan<float> logits, Span<float> result)
    {
        int n = words.Length;
        int i = 0;
        if (Simd.Hardware >= VectorWidth.Bits512)
            for (; i + 16 <= n; i += 16)
                Draw(Vector512.Create(words.Slice(i, 16)), Vector512.Create(logits.Slice(i, 16))).CopyTo(result.Slice(i, 16));
        for (; i + 4 <= n; i += 4)
            Draw(Vector128.Create(words.Slice(i, 4)), Vector128.Create(logits.Slice(i, 4))).CopyTo(result.Slice(i, 4));
        for (; i < n; i++)
            result[i] = One(words[i], logits[i]) ? 1f : 0f;
    }

    /// <summary>One draw, through the 128-bit code, so it equals what a fill writes.</summary>
    public static bool One(uint bits, float logit) =>
        Draw(Vector128.CreateScalar(bits), Vector128.CreateScalar(logit)).ToScalar() != 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Draw(Vector128<uint> bits, Vector128<float> logit)
    {
        Vector128<float> u = Vector128.ConvertToSingle(((bits >>> 8) + Vector128<uint>.One).AsInt32()) * Step128;
        Vector128<float> p = Vector128<float>.One / (Vector128<float>.One + Vector128.Exp(-logit));
        return Vector128.ConditionalSelect(Vector128.LessThanOrEqual(u, p), Vector128<float>.One, Vector128<float>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Draw(Vector512<uint> bits, Vector512<float> logit)
    {
        Vector512<float> u = Vector512.ConvertToSingle(((bits >>> 8) + Vector512<uint>.One).AsInt32()) * Step512;
        Vector512<float> p = Vector512<float>.One / (Vector512<float>.One + Vector512.Exp(-logit));
        return Vector512.ConditionalSelect(Vector512.LessThanOrEqual(u, p), Vector512<float>.One, Vector512<float>.Zero);
    }
}
