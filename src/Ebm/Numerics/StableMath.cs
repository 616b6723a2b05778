namespace Ebm.Numerics;

/// <summary>
/// Numerically stable elementwise functions and reductions used by every model, sampler and trainer.
/// One file per operation (<c>StableMath.Softmax.cs</c> …); each is exact in the limits documented in
/// <c>specs/numerics.md</c> (inputs up to 1e30 in magnitude, ±∞ entries, NaN propagation).
/// </summary>
public static partial class StableMath
{
}
