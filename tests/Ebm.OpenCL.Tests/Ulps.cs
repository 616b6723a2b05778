namespace Ebm.OpenCL.Tests;

/// <summary>Distance in units in the last place: how many representable values lie between two numbers.</summary>
internal static class Ulps
{
    public static long Distance(float a, float b) => Math.Abs(Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b)));

    public static long Distance(double a, double b)
    {
        // Ordered values of doubles span 2^64, so the difference is taken in decimal's range.
        decimal d = (decimal)Ordered(BitConverter.DoubleToInt64Bits(a)) - Ordered(BitConverter.DoubleToInt64Bits(b));
        return (long)Math.Min(Math.Abs(d), long.MaxValue);
    }

    // Maps the sign-magnitude bit pattern onto a line where neighbouring floats are neighbouring integers
    // and -0 meets +0.
    private static long Ordered(int bits) => bits < 0 ? (long)int.MinValue - bits : bits;

    private static long Ordered(long bits) => bits < 0 ? long.MinValue - bits : bits;
}
