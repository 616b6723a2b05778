using ScottPlot;

namespace Ebm.Cli.Plots;

/// <summary>
/// The typeface of every figure. SkiaSharp's self-contained native build finds no system fonts through fontconfig,
/// so text would render as nothing on a bare machine; DejaVu Sans is registered from its file instead.
/// </summary>
internal static class PlotFonts
{
    /// <summary>Where Debian's fonts-dejavu-core puts DejaVu Sans.</summary>
    public const string DejaVuSansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The family name the file is registered under.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<string?> Default = new(() => Register(DejaVuSansPath));

    /// <summary>Null once DejaVu Sans is registered; otherwise the note saying why text may be missing and the fix.</summary>
    public static string? Note => Default.Value;

    /// <summary>Registers the font file at <paramref name="path"/>; returns null, or the note when the file is missing.</summary>
    internal static string? Register(string path)
    {
        if (!File.Exists(path))
            return $"note: {path} is missing, so the figures' text uses SkiaSharp's default typeface and may not show (apt-get install fonts-dejavu-core)";
        Fonts.AddFontFile(Family, path);
        Fonts.Default = Family;
        return null;
    }

    /// <summary>Sets the registered family on every label of <paramref name="plot"/>.</summary>
    public static void Apply(Plot plot)
    {
        if (Note is null)
            plot.Font.Set(Family);
    }
}
