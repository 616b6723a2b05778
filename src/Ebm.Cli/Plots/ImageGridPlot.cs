using ScottPlot;

namespace Ebm.Cli.Plots;

/// <summary>Images (rows of height × width intensities in [0, 1]) tiled into one grayscale picture.</summary>
internal static class ImageGridPlot
{
    /// <summary>Tiles <paramref name="count"/> images, <paramref name="columns"/> a row, one dark pixel between tiles.</summary>
    public static void Save(string path, string title, ReadOnlySpan<float> images, int count, int height, int width, int columns)
    {
        int rows = (count + columns - 1) / columns;
        int gap = 1, tileH = height + gap, tileW = width + gap;
        // Gaps sit below 0 so the grey colormap draws them darker than any background pixel.
        var canvas = new double[rows * tileH + gap, columns * tileW + gap];
        for (int r = 0; r < canvas.GetLength(0); r++)
            for (int c = 0; c < canvas.GetLength(1); c++)
                canvas[r, c] = -0.25;
        for (int k = 0; k < count; k++)
        {
            int top = gap + k / columns * tileH, left = gap + k % columns * tileW;
            ReadOnlySpan<float> image = images.Slice(k * height * width, height * width);
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    canvas[top + y, left + x] = image[y * width + x];
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(canvas);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.Smooth = false;
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Title(title);
        int scale = Math.Max(1, 720 / (columns * tileW + gap));
        Figure.Save(plot, path, (columns * tileW + gap) * scale + 40, (rows * tileH + gap) * scale + 80);
    }
}
