using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary>
/// Philox4x32-10 against the published known answers of Random123.
/// </summary>
/// <remarks>
/// Source: the three "philox4x32 10" lines of Random123's <c>tests/kat_vectors</c>, as cut-and-pasted by
/// D. E. Shaw Research into <c>libs/random/test/test_philox.cpp</c> of github.com/DEShawResearch/Random123-Boost
/// (commit 916db91ae4c6fd8324ef054a518851321ab41f91); columns are CTR (4 words), KEY (2 words), EXPECTED
/// (4 words), as parsed by <c>dokat</c> in <c>test_kat.hpp</c> of the same commit:
/// <code>
/// philox4x32 10 00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8
/// philox4x32 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd
/// philox4x32 10 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1
/// </code>
/// </remarks>
public class Philox4x32KnownAnswerTests
{
    public static TheoryData<uint[], uint[], uint[]> Vectors => new()
    {
        { [0x00000000, 0x00000000, 0x00000000, 0x00000000], [0x00000000, 0x00000000], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8] },
        { [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd] },
        { [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1] },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void ComputeMatchesRandom123(uint[] counter, uint[] key, uint[] expected)
    {
        Philox4x32Block result = Philox4x32.Compute(new Philox4x32Key(key[0], key[1]), Block(counter));
        Assert.Equal(Block(expected), result);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void FillMatchesRandom123(uint[] counter, uint[] key, uint[] expected)
    {
        // 33 blocks run the AVX-512 group, an AVX2 group and the scalar tail; block 0 is the vector itself.
        var words = new uint[4 * 33];
        Philox4x32.Fill(new Philox4x32Key(key[0], key[1]), Block(counter), words);
        Assert.Equal(expected, words[..4]);
    }

    [Fact]
    public void StreamLayoutPutsSeedStepAndStreamWhereSpecified()
    {
        // specs/rng.md: key = (seed lo, seed hi); counter = (unit >> 2, step lo, step hi, stream). The pi-digits
        // vector is thus seed 0x299f31d0_a4093822, step 0x13198a2e_85a308d3, stream 0x03707344, units 4·0x243f6a88 + j.
        var stream = new RandomStream(0x299f31d0_a4093822UL, 0x03707344u, 0x13198a2e_85a308d3UL);
        uint firstUnit = 4u * 0x243f6a88u;
        Assert.Equal(0xd16cfe09u, stream.Bits(firstUnit));
        Assert.Equal(0x94fdcceb, stream.Bits(firstUnit + 1));
        Assert.Equal(0x5001e420u, stream.Bits(firstUnit + 2));
        Assert.Equal(0x24126ea1u, stream.Bits(firstUnit + 3));

        Assert.Equal(0x6627e8d5u, new RandomStream(0, 0, 0).Bits(0));
        Assert.Equal(0x9b00dbd8u, new RandomStream(0, 0, 0).Bits(3));
        Assert.Equal(new Philox4x32Block(0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd),
            new RandomStream(ulong.MaxValue, uint.MaxValue, ulong.MaxValue).Block(uint.MaxValue));
    }

    private static Philox4x32Block Block(uint[] w) => new(w[0], w[1], w[2], w[3]);
}
