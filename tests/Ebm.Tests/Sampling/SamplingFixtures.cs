using Ebm.Models;
using Ebm.Rng;

namespace Ebm.Tests.Sampling;

/// <summary>Models and starting states shared by the sampler tests.</summary>
internal static class SamplingFixtures
{
    /// <summary>E = ½(x − μ)ᵀP(x − μ) in two dimensions.</summary>
    public static IEnergyModel Gaussian(double[] precision, double[] mean)
    {
        var p = GaussianEnergy.Parameters.Create(x: 2, seed: 0);
        return GaussianEnergy.Create(p.WithVector([.. precision.Select(v => (float)v), .. mean.Select(v => (float)v)]));
    }

    /// <summary>E = −log Σₖ wₖ exp(−‖x − μₖ‖²/(2σ²)); means row-major [k × d].</summary>
    public static IEnergyModel Mixture(int dimension, double[] means, double[] weights, float sigma)
    {
        var p = GaussianMixture.Parameters.Create(x: dimension, meansRows: weights.Length, sigma: sigma, seed: 0);
        return GaussianMixture.Create(p.WithVector([.. means.Select(v => (float)v), .. weights.Select(w => (float)Math.Log(w))]));
    }

    /// <summary>n·d values uniform on [lo, hi), drawn from a stream of their own (stream 1000, step 0).</summary>
    public static float[] Uniform(int count, float lo, float hi, ulong seed)
    {
        var u = new float[count];
        new RandomStream(seed, 1000, 0).FillUniform(u);
        return u.Select(v => lo + (hi - lo) * (1 - v)).ToArray();
    }

    public static ReadOnlyMemory<float>[] One(float[] batch) => [batch];

    public static double[] Inverse2(double[] m)
    {
        double det = m[0] * m[3] - m[1] * m[2];
        return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det];
    }

    public static double[] Multiply2(double[] a, double[] b) =>
        [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3]];

    public static double MaxAbsDifference(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
