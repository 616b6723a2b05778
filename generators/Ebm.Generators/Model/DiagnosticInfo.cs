using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Ebm.Generators.Model;

/// <summary>
/// A diagnostic kept in the pipeline without a <see cref="Location"/>: a Roslyn location holds its syntax
/// tree, which would keep the compilation alive and defeat caching, so only the path and spans are kept.
/// </summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    ImmutableEquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
        new(descriptor,
            location.SourceTree?.FilePath ?? string.Empty,
            location.SourceSpan,
            location.GetLineSpan().Span,
            arguments.ToImmutableEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location.Create(FilePath, Span, LineSpan), Arguments.ToArray<object>());
}
