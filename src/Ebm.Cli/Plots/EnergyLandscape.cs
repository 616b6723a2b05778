using ScottPlot;

namespace Ebm.Cli.Plots;

/// <summary>The energy of a 2-D model on a grid, for <see cref="EnergyLandscapePlot"/>.</summary>
/// <param name="XMin">Left edge of the grid.</param>
/// <param name="XMax">Right edge.</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge.</param>
/// <param name="Energies">E at cell centres, [row, column] with row 0 at the top (y = YMax) as an image is stored.</param>
internal sealed record EnergyLandscape(double XMin, double XMax, double YMin, double YMax, double[,] Energies)
{
    /// <summary>Evaluates <paramref name="energy"/> (a batch of 2-D points in, their energies out) on a rows × columns grid.</summary>
    public static EnergyLandscape Evaluate(Func<float[], float[]> energy, double xMin, double xMax, double yMin, double yMax, int rows, int columns)
    {
        var points = new float[rows * columns * 2];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                int i = (r * columns + c) * 2;
                points[i] = (float)(xMin + (c + 0.5) * (xMax - xMin) / columns);
                points[i + 1] = (float)(yMax - (r + 0.5) * (yMax - yMin) / rows);
            }
        float[] e = energy(points);
        var grid = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                grid[r, c] = e[r * columns + c];
        return new EnergyLandscape(xMin, xMax, yMin, yMax, grid);
    }
}

/// <summary>A heatmap of an energy landscape with the data and the model's samples on top.</summary>
internal static class EnergyLandscapePlot
{
    /// <summary>
    /// Energies more than <paramref name="span"/> above the minimum share the top colour: far from the data E grows
    /// quadratically and would otherwise squeeze the landscape near the data into one colour.
    /// </summary>
    public static void Save(string path, string title, EnergyLandscape landscape, ReadOnlySpan<float> data, ReadOnlySpan<float> samples, double span = 12)
    {
        var plot = new Plot();
        double[,] e = landscape.Energies;
        double min = double.PositiveInfinity;
        foreach (double v in e)
            min = Math.Min(min, v);
        var clipped = new double[e.GetLength(0), e.GetLength(1)];
        for (int r = 0; r < e.GetLength(0); r++)
            for (int c = 0; c < e.GetLength(1); c++)
                clipped[r, c] = Math.Min(e[r, c] - min, span);
        var heatmap = plot.Add.Heatmap(clipped);
        heatmap.Extent = new CoordinateRect(landscape.XMin, landscape.XMax, landscape.YMin, landscape.YMax);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = $"E(x) − min E (clipped at {span:0.#})";

        var (dx, dy) = Columns(data);
        if (dx.Length > 0)   // `ebm sample` draws a model's samples without data
        {
            var dataMarkers = plot.Add.Markers(dx, dy, MarkerShape.FilledCircle, 3, Colors.White.WithAlpha(0.7));
            dataMarkers.LegendText = $"data ({dx.Length})";
        }
        var (sx, sy) = Columns(samples);
        var sampleMarkers = plot.Add.Markers(sx, sy, MarkerShape.FilledCircle, 3, Colors.OrangeRed.WithAlpha(0.8));
        sampleMarkers.LegendText = $"samples ({sx.Length})";
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title(title);
        plot.XLabel("x₁");
        plot.YLabel("x₂");
        plot.Axes.SetLimits(landscape.XMin, landscape.XMax, landscape.YMin, landscape.YMax);
        Figure.Save(plot, path, 820, 640);
    }

    private static (double[] X, double[] Y) Columns(ReadOnlySpan<float> points)
    {
        int n = points.Length / 2;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = points[2 * i];
            y[i] = points[2 * i + 1];
        }
        return (x, y);
    }
}
