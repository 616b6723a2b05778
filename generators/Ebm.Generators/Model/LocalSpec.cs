namespace Ebm.Generators.Model;

/// <summary>A <c>var</c> local of Energy: its name and the expression it holds.</summary>
internal sealed record LocalSpec(string Name, Expr Value);
