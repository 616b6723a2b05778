using ScottPlot;

namespace Ebm.Cli.Plots;

/// <summary>Saving a plot as a PNG: the font set, the folder made, the file written whole.</summary>
internal static class Figure
{
    /// <summary>Writes <paramref name="plot"/> to <paramref name="path"/> at the given size in pixels.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        PlotFonts.Apply(plot);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        // A reader of the folder never sees half a PNG: render beside it, then rename.
        string partial = path + ".partial.png";
        plot.SavePng(partial, width, height);
        File.Move(partial, path, overwrite: true);
    }
}
