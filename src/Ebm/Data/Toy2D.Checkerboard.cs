using Ebm.Rng;

namespace Ebm.Data;

public static partial class Toy2D
{
    /// <summary>
    /// FFJORD's checkerboard: uniform on the 8 black squares of a 4 × 4 board of 2 × 2 squares covering (−4, 4]².
    /// Column c = ⌈x/2⌉ − 1 and row r = ⌈y/2⌉ − 1 (each in −2 … 1) are occupied when c + r is even.
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>count × 2 points, unlabelled.</returns>
    public static Dataset Checkerboard(int count, ulong seed) => Generate(CheckerboardSampler(), 0, count, seed);

    private static Sampler CheckerboardSampler() =>
        new("checkerboard", "checkerboard: uniform on the 8 squares (c + r even) of a 4x4 board on (-4, 4]^2", false, stream =>
        {
            // Uniforms are in (0, 1], so ⌈·⌉ − 1 (not FFJORD's floor) keeps every point inside its half-open square.
            float x1 = 4 * stream.Uniform(0) - 2;
            int column = (int)MathF.Ceiling(x1) - 1;
            int row = 2 * Choose(stream.Bits(2), 2) - 2 + (column & 1);
            float x2 = row + stream.Uniform(1);
            return new ToyPoint(2 * x1, 2 * x2, -1);
        });
}
