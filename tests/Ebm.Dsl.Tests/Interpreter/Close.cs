namespace Ebm.Dsl.Tests.Interpreter;

/// <summary>Comparisons with a tolerance relative to the magnitude, since formula and interpreter may sum in other orders.</summary>
internal static class Close
{
    public static void Equal(double expected, double actual, double tolerance = 1e-12, string what = "")
    {
        if (expected.Equals(actual))
            return;
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"{what} expected {expected:R}, actual {actual:R}");
    }

    public static void Equal(double[] expected, Vec actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Equal(expected[i], actual[i], tolerance, $"[{i}]");
    }

    public static void Equal(double[,] expected, Mat actual, double tolerance = 1e-12)
    {
        Assert.Equal((expected.GetLength(0), expected.GetLength(1)), (actual.Rows, actual.Cols));
        for (int i = 0; i < actual.Rows; i++)
            for (int j = 0; j < actual.Cols; j++)
                Equal(expected[i, j], actual[i, j], tolerance, $"[{i}, {j}]");
    }
}
