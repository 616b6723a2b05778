using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>The AVX-512 and AVX2 block fills against one-block-at-a-time <see cref="Philox4x32.Compute"/>.</summary>
public class Philox4x32VectorizedTests
{
    private static readonly Philox4x32Key Key = new(0x01234567, 0x89abcdef);

    // Word 0 of the counter starts 20 below 2^32 in the last case, so the fill wraps it modulo 2^32.
    public static TheoryData<uint, int> Cases => new()
    {
        { 0u, 0 }, { 5u, 1 }, { 17u, 7 }, { 100u, 8 }, { 3u, 15 }, { 0u, 16 }, { 9u, 17 }, { 1u, 40 }, { uint.MaxValue - 19, 64 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector512PathEqualsScalar(uint firstW0, int blocks)
    {
        var counter = new Philox4x32Block(firstW0, 0xdeadbeef, 7, 0x80000000);
        var words = new uint[4 * blocks];
        int written = Philox4x32.FillVector512(Key, counter, words);
        Assert.Equal(Philox4x32.IsVector512Accelerated ? blocks / 16 * 16 : 0, written);
        AssertBlocksEqualCompute(counter, words.AsSpan(0, 4 * written));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector256PathEqualsScalar(uint firstW0, int blocks)
    {
        var counter = new Philox4x32Block(firstW0, 0xdeadbeef, 7, 0x80000000);
        var words = new uint[4 * blocks];
        int written = Philox4x32.FillVector256(Key, counter, words);
        Assert.Equal(Philox4x32.IsVector256Accelerated ? blocks / 8 * 8 : 0, written);
        AssertBlocksEqualCompute(counter, words.AsSpan(0, 4 * written));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FillEqualsComputeForEveryBlock(uint firstW0, int blocks)
    {
        var counter = new Philox4x32Block(firstW0, 0xdeadbeef, 7, 0x80000000);
        var words = new uint[4 * blocks];
        Philox4x32.Fill(Key, counter, words);
        AssertBlocksEqualCompute(counter, words);
    }

    [Fact]
    public void FillRejectsAPartialBlock()
    {
        Assert.Throws<ArgumentException>(() => Philox4x32.Fill(Key, default, new uint[6]));
    }

    private static void AssertBlocksEqualCompute(Philox4x32Block first, ReadOnlySpan<uint> words)
    {
        for (int i = 0; i < words.Length / 4; i++)
        {
            Philox4x32Block expected = Philox4x32.Compute(Key, first with { W0 = first.W0 + (uint)i });
            var actual = new Philox4x32Block(words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3]);
            Assert.True(expected == actual, $"block {i}: expected {expected}, got {actual}");
        }
    }
}
