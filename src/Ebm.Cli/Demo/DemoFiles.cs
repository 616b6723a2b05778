namespace Ebm.Cli.Demo;

/// <summary>The names of the files `ebm demo` writes into its folder.</summary>
internal static class DemoFiles
{
    public const string Landscape = "mixture-landscape.png";
    public const string RbmSamples = "rbm-samples.png";
    public const string Curves = "training-curves.png";
    public const string Report = "report.md";

    public static IReadOnlyList<string> All { get; } = [Landscape, RbmSamples, Curves, Report];
}
