using System.Buffers.Binary;
using SkiaSharp;

namespace Ebm.Cli.Tests;

/// <summary>What a PNG file holds, read as a viewer would: the signature, the IHDR size, the decoded pixels.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts <paramref name="path"/> is a PNG that decodes to a picture with content; returns its size.</summary>
    public static (int Width, int Height) AssertPicture(string path, int minimumColours = 16)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} is {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        // The first chunk is IHDR: length 13, then width and height as big-endian 32-bit integers.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        int width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.InRange(width, 100, 10_000);
        Assert.InRange(height, 100, 10_000);

        using SKBitmap bitmap = SKBitmap.Decode(path) ?? throw new Xunit.Sdk.XunitException($"{path} does not decode");
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<SKColor>();
        for (int y = 0; y < height; y += 2)
            for (int x = 0; x < width; x += 2)
                colours.Add(bitmap.GetPixel(x, y));
        Assert.True(colours.Count >= minimumColours, $"{path} holds {colours.Count} colours: blank or nearly");
        return (width, height);
    }

    /// <summary>Pixels of <paramref name="path"/> inside the box (fractions of width and height) that are darker than mid grey.</summary>
    public static int DarkPixels(string path, double left, double top, double right, double bottom)
    {
        using SKBitmap bitmap = SKBitmap.Decode(path);
        int count = 0;
        for (int y = (int)(top * bitmap.Height); y < (int)(bottom * bitmap.Height); y++)
            for (int x = (int)(left * bitmap.Width); x < (int)(right * bitmap.Width); x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128)
                    count++;
            }
        return count;
    }
}
