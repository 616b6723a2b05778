using Ebm.Cli.Plots;

namespace Ebm.Cli.Tests;

/// <summary>The figures as files: PNGs that decode, of the size asked for, with content and text.</summary>
public sealed class PlotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ebm-plots-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void An_energy_landscape_is_a_picture_with_its_points()
    {
        // E = ‖x‖²: a bowl whose minimum is in the middle of the box.
        var landscape = EnergyLandscape.Evaluate(p => [.. Enumerable.Range(0, p.Length / 2).Select(i => p[2 * i] * p[2 * i] + p[2 * i + 1] * p[2 * i + 1])],
            -2, 2, -2, 2, 40, 50);
        Assert.Equal(0.0, landscape.Energies[20, 25], 1);
        Assert.True(landscape.Energies[0, 0] > 7);
        string path = Path.Combine(folder, "landscape.png");
        EnergyLandscapePlot.Save(path, "bowl", landscape, [0f, 0f, 1f, 1f], [0.5f, -0.5f]);
        Assert.Equal((820, 640), Png.AssertPicture(path));
    }

    [Fact]
    public void The_landscape_grid_puts_row_zero_at_the_top()
    {
        // E = y: the top row, at the largest y, has the largest energy.
        var landscape = EnergyLandscape.Evaluate(p => [.. Enumerable.Range(0, p.Length / 2).Select(i => p[2 * i + 1])], 0, 1, 0, 1, 4, 3);
        Assert.Equal(0.875, landscape.Energies[0, 1], 5);
        Assert.Equal(0.125, landscape.Energies[3, 1], 5);
    }

    [Fact]
    public void An_image_grid_draws_dark_tiles_where_the_images_are_dark()
    {
        // Four 10×10 images: white, black, white, black, two a row.
        float[] images = [.. Enumerable.Range(0, 4).SelectMany(k => Enumerable.Repeat(k % 2 == 0 ? 1f : 0f, 100))];
        string path = Path.Combine(folder, "grid.png");
        ImageGridPlot.Save(path, "grid", images, 4, 10, 10, 2);
        Png.AssertPicture(path, minimumColours: 3);
        int leftDark = Png.DarkPixels(path, 0.1, 0.25, 0.45, 0.85), rightDark = Png.DarkPixels(path, 0.55, 0.25, 0.9, 0.85);
        Assert.True(rightDark > 4 * leftDark, $"dark pixels: left column {leftDark}, right column {rightDark}");
    }

    [Fact]
    public void Training_curves_put_panels_side_by_side()
    {
        string path = Path.Combine(folder, "curves.png");
        CurvePlot.Save(path,
        [
            new CurvePanel("loss", "step", "loss", [new Curve("loss", [1, 2, 3], [3, 2, 1.5])]),
            new CurvePanel("log-likelihood", "epoch", "nats", [new Curve("test", [0, 1], [-500, -300]), new Curve("train", [0, 1], [-490, -290])]),
        ]);
        Assert.Equal((1120, 440), Png.AssertPicture(path));
    }

    [Fact]
    public void A_missing_font_file_is_a_note_naming_the_package()
    {
        string? note = PlotFonts.Register(Path.Combine(folder, "no-such-font.ttf"));
        Assert.NotNull(note);
        Assert.Contains("no-such-font.ttf is missing", note);
        Assert.Contains("fonts-dejavu-core", note);
    }

    [Fact]
    public void DejaVu_sans_is_registered_where_debian_puts_it()
    {
        if (!File.Exists(PlotFonts.DejaVuSansPath))
            return;
        Assert.Null(PlotFonts.Note);
        Assert.Equal(PlotFonts.Family, ScottPlot.Fonts.Default);
    }
}
