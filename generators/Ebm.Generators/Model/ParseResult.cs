namespace Ebm.Generators.Model;

/// <summary>The parser's answer for one [EnergyModel] class: a model when it is valid, and its diagnostics.</summary>
/// <param name="Model">Null when any diagnostic is an error: nothing is emitted for that model.</param>
/// <param name="Diagnostics">Everything wrong with the declaration; empty for a valid model.</param>
internal sealed record ParseResult(ModelSpec? Model, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);
