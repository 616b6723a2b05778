namespace Ebm.Rng;

/// <summary>The two standard normals that one Box–Muller transform yields in double precision.</summary>
/// <param name="Z0">r·cos θ.</param>
/// <param name="Z1">r·sin θ.</param>
public readonly record struct NormalPairDouble(double Z0, double Z1);
