using Ebm.Data;
using Ebm.Rng;

namespace Ebm.Tests.ScoreMatching;

/// <summary>Rows of N(μ, Σ) in 2-D, their sample moments, and the check of a quadratic energy's θ against them.</summary>
internal static class GaussianData
{
    public static readonly double[] Mean = [1, -1];
    // Σ = L Lᵀ with L = [[1, 0], [0.5, 1.2]]: Σ = [[1, 0.5], [0.5, 1.69]].
    private static readonly double[,] Cholesky = { { 1, 0 }, { 0.5, 1.2 } };
    public static readonly double[,] Covariance = { { 1, 0.5 }, { 0.5, 1.69 } };

    public static float[] Rows(int rows, ulong seed)
    {
        var z = new float[rows * 2];
        RandomStreams.FillNormal(seed, 0, 0, 2, z);
        var x = new float[rows * 2];
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < 2; i++)
                x[r * 2 + i] = (float)(Mean[i] + Cholesky[i, 0] * z[r * 2] + Cholesky[i, 1] * z[r * 2 + 1]);
        return x;
    }

    public static Dataset Dataset(float[] rows) => new("gaussian", [2], rows, [], "test");

    public static (double[] Mean, double[,] Covariance) Moments(ReadOnlySpan<float> x)
    {
        int n = x.Length / 2;
        var mean = new double[2];
        for (int r = 0; r < n; r++)
            for (int i = 0; i < 2; i++)
                mean[i] += x[r * 2 + i] / (double)n;
        var cov = new double[2, 2];
        for (int r = 0; r < n; r++)
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    cov[i, j] += (x[r * 2 + i] - mean[i]) * (x[r * 2 + j] - mean[j]) / n;
        return (mean, cov);
    }

    public static double[,] Inverse(double[,] m)
    {
        double det = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0];
        return new[,] { { m[1, 1] / det, -m[0, 1] / det }, { -m[1, 0] / det, m[0, 0] / det } };
    }

    /// <summary>
    /// θ = (A row-major, b) of ½xᵀAx − bᵀx: the largest error of A's symmetric part against the precision and of A⁻¹b
    /// against the mean must be within the tolerance; the message gives every error.
    /// </summary>
    public static void AssertQuadratic(IReadOnlyList<float> theta, double[,] precision, double[] mean, double tolerance)
    {
        var a = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                a[i, j] = 0.5 * (theta[i * 2 + j] + theta[j * 2 + i]);
        double[,] inverse = Inverse(a);
        var errors = new List<double>();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                errors.Add(Math.Abs(a[i, j] - precision[i, j]));
        for (int i = 0; i < 2; i++)
            errors.Add(Math.Abs(inverse[i, 0] * theta[4] + inverse[i, 1] * theta[5] - mean[i]));
        Assert.True(errors.Max() <= tolerance,
            $"largest error {errors.Max():G3} > {tolerance}: precision entries and mean components off by {string.Join(", ", errors.Select(e => e.ToString("G3")))}");
    }
}
