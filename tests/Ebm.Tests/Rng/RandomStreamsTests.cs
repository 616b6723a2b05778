using Ebm.Rng;

namespace Ebm.Tests.Rng;

/// <summary><see cref="RandomStreams"/> draws, across streams in SIMD lanes, exactly what each stream draws alone.</summary>
public class RandomStreamsTests
{
    public static TheoryData<int, int, uint, ulong> Shapes()
    {
        var data = new TheoryData<int, int, uint, ulong>();
        // Stream counts around the 8- and 16-lane widths and the 256-stream pass; units around a block's 4 words.
        foreach (int streams in new[] { 0, 1, 7, 8, 9, 15, 16, 17, 33, 255, 256, 257, 600 })
            foreach (int units in new[] { 1, 2, 3, 4, 5, 8, 9 })
                data.Add(streams, units, streams % 2 == 0 ? 0u : 4_000_000_000u, streams % 3 == 0 ? 7UL : (1UL << 40) + 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FillNormalEqualsEachStreamsNormals(int streams, int units, uint firstStream, ulong step)
    {
        const ulong seed = 0x1234_5678_9ABC_DEF0;
        var z = new float[streams * units];
        RandomStreams.FillNormal(seed, firstStream, step, units, z);
        for (int c = 0; c < streams; c++)
        {
            var stream = new RandomStream(seed, firstStream + (uint)c, step);
            for (int u = 0; u < units; u++)
                Assert.Equal(BitConverter.SingleToInt32Bits(stream.Normal((uint)u)), BitConverter.SingleToInt32Bits(z[c * units + u]));
        }
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.FillNormal(1, 0, 0, 0, new float[4]));
        Assert.Throws<ArgumentException>(() => RandomStreams.FillNormal(1, 0, 0, 3, new float[4]));
        Assert.Throws<ArgumentException>(() => RandomStreams.FillNormal(1, uint.MaxValue, 0, 1, new float[2]));
    }
}
