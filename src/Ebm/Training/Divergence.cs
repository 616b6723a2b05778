using System.Numerics.Tensors;

namespace Ebm.Training;

/// <summary>
/// What every trainer does to keep an update sane: clip the gradient's norm, check the gradient and the new
/// parameters for NaN/∞, and fail with the error that names where it happened.
/// </summary>
internal static class Divergence
{
    // One vectorised sum finds the common case; a NaN or ∞ anywhere makes it non-finite (as can an overflow of
    // finite values, which the scan then clears).
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        if (float.IsFinite(TensorPrimitives.Sum(values)))
            return true;
        foreach (float v in values)
            if (!float.IsFinite(v))
                return false;
        return true;
    }

    /// <summary>Scales <paramref name="gradient"/> to <paramref name="limit"/> when its Euclidean norm is larger (+∞: never); returns the norm before.</summary>
    public static double ClipNorm(float[] gradient, float limit)
    {
        double sum = 0;
        foreach (float g in gradient)
            sum += (double)g * g;
        double norm = Math.Sqrt(sum);
        if (norm > limit)
            TensorPrimitives.Multiply(gradient, (float)(limit / norm), gradient);
        return norm;
    }

    /// <summary>Throws <see cref="TrainingDivergedException"/> naming the epoch, the batch and the parameter of the first non-finite value.</summary>
    /// <param name="values">The gradient or parameters, laid out as <paramref name="layout"/>; one value is not finite.</param>
    /// <param name="layout">The model's layout, to name the parameter.</param>
    /// <param name="epoch">The epoch, from 0.</param>
    /// <param name="batch">The batch, from 0.</param>
    /// <param name="what">"gradient" or "parameter".</param>
    /// <param name="lastGood">The parameters before the failing update; copied into the exception.</param>
    /// <param name="checkpointPath">Where the last good parameters are on disk, if anywhere.</param>
    public static void Throw(ReadOnlySpan<float> values, ModelLayout layout, int epoch, int batch, string what, float[] lastGood, string? checkpointPath)
    {
        int bad = 0;
        while (float.IsFinite(values[bad]))
            bad++;
        string name = layout.Parameters.First(p => bad >= p.Offset && bad < p.Offset + p.Length).Name;
        throw new TrainingDivergedException(epoch + 1, batch + 1, what, name, (float[])lastGood.Clone(), checkpointPath);
    }
}
