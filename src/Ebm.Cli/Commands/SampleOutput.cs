using Ebm.Cli.Plots;
using Ebm.IO;

namespace Ebm.Cli.Commands;

/// <summary>
/// Where `ebm sample` writes its chains: .npy (chains × units, float32), or .png — the samples over the model's
/// energy landscape for 2-D states, a grid of the first 100 for square images (a 784-unit RBM's 28×28).
/// </summary>
internal static class SampleOutput
{
    public static void Write(string path, float[] samples, int chains, int units, Func<float[], float[]>? energy, string title)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".npy")
        {
            Npy.Write(path, NpyArray.FromSingles([chains, units], samples));
            return;
        }
        if (extension != ".png")
            throw new ArgumentException($"--out must name a .npy or a .png file, not '{path}'");
        int side = (int)Math.Round(Math.Sqrt(units));
        if (units == 2 && energy is not null)
        {
            var (xMin, xMax) = Range(samples, 0);
            var (yMin, yMax) = Range(samples, 1);
            EnergyLandscapePlot.Save(path, title, EnergyLandscape.Evaluate(energy, xMin, xMax, yMin, yMax, 120, 120), ReadOnlySpan<float>.Empty, samples);
        }
        else if (side * side == units && units > 1)
        {
            int count = Math.Min(chains, 100);
            ImageGridPlot.Save(path, title, samples, count, side, side, Math.Min(10, count));
        }
        else
            throw new ArgumentException($"a .png shows 2-D samples over their energy or square images; these samples have {units} units, so write a .npy");
    }

    // The samples' extent along one coordinate, widened by a fifth on each side so the landscape frames them.
    private static (double Min, double Max) Range(float[] samples, int coordinate)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = coordinate; i < samples.Length; i += 2)
            if (float.IsFinite(samples[i]))
            {
                min = Math.Min(min, samples[i]);
                max = Math.Max(max, samples[i]);
            }
        if (!(max > min))
            (min, max) = (double.IsFinite(min) ? min - 1 : -1, double.IsFinite(max) ? max + 1 : 1);
        double margin = 0.2 * (max - min);
        return (min - margin, max + margin);
    }
}
