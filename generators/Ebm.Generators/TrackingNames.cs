namespace Ebm.Generators;

/// <summary>Names of the pipeline's steps, so tests can check which steps reran after an edit.</summary>
internal static class TrackingNames
{
    /// <summary>The parse of each [EnergyModel] class into a <see cref="Model.ParseResult"/>.</summary>
    public const string Parse = "EnergyModel.Parse";

    /// <summary>The valid models, which get generated source.</summary>
    public const string Models = "EnergyModel.Models";

    /// <summary>The diagnostics of each model, reported in their own stream.</summary>
    public const string Diagnostics = "EnergyModel.Diagnostics";

    public static IReadOnlyList<string> All { get; } = new[] { Parse, Models, Diagnostics };
}
