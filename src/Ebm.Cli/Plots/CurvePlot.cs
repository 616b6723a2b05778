using ScottPlot;

namespace Ebm.Cli.Plots;

/// <summary>One curve of a training run: a metric against epochs or steps.</summary>
/// <param name="Label">The legend text.</param>
/// <param name="X">Epochs or steps.</param>
/// <param name="Y">The metric.</param>
internal sealed record Curve(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>A panel of training curves sharing an x axis.</summary>
/// <param name="Title">The panel's title.</param>
/// <param name="XLabel">What x counts.</param>
/// <param name="YLabel">The metric's name and unit.</param>
/// <param name="Curves">The curves drawn on the panel.</param>
internal sealed record CurvePanel(string Title, string XLabel, string YLabel, IReadOnlyList<Curve> Curves);

/// <summary>Training curves, panels side by side in one PNG.</summary>
internal static class CurvePlot
{
    /// <summary>Writes the panels left to right.</summary>
    public static void Save(string path, IReadOnlyList<CurvePanel> panels)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        for (int i = 0; i < panels.Count; i++)
        {
            Plot plot = multiplot.GetPlot(i);
            CurvePanel panel = panels[i];
            foreach (Curve curve in panel.Curves)
            {
                var line = plot.Add.Scatter(curve.X.ToArray(), curve.Y.ToArray());
                line.LegendText = curve.Label;
                line.MarkerSize = curve.X.Count > 40 ? 0 : 5;
            }
            if (panel.Curves.Count > 1)
                plot.ShowLegend(Alignment.LowerRight);
            plot.Title(panel.Title);
            plot.XLabel(panel.XLabel);
            plot.YLabel(panel.YLabel);
            PlotFonts.Apply(plot);
        }
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        string partial = path + ".partial.png";
        multiplot.SavePng(partial, 560 * panels.Count, 440);
        File.Move(partial, path, overwrite: true);
    }
}
