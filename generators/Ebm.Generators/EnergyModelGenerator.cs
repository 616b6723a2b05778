using Ebm.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Generators;

/// <summary>
/// Generates the members of every <c>[EnergyModel]</c> class from its <c>Energy</c> declaration.
/// This file holds only the pipeline; <c>EnergyModelGenerator.Parser.cs</c> validates a declaration and
/// builds its model, <c>EnergyModelGenerator.Emitter.cs</c> writes the C#.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class EnergyModelGenerator : IIncrementalGenerator
{
    internal const string EnergyModelAttributeName = "Ebm.Dsl.EnergyModelAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Parse into Roslyn-free, equatable results: an unrelated edit then yields equal results, and
        // everything downstream stays cached.
        IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EnergyModelAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => Parser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // Source and diagnostics travel separately, so a change that only moves a diagnostic does not
        // regenerate source, and a model with errors contributes no source at all.
        IncrementalValuesProvider<ModelSpec> models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);

        IncrementalValuesProvider<ImmutableEquatableArray<DiagnosticInfo>> diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(models, static (context, model) => Emitter.Emit(context, model));
        context.RegisterSourceOutput(diagnostics, static (context, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
    }
}
