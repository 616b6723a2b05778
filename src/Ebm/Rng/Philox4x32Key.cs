namespace Ebm.Rng;

/// <summary>The 64-bit key of Philox4x32: two 32-bit words, <c>K0</c> first as in Random123.</summary>
/// <param name="K0">Key word 0 (Random123 <c>key.v[0]</c>).</param>
/// <param name="K1">Key word 1 (Random123 <c>key.v[1]</c>).</param>
public readonly record struct Philox4x32Key(uint K0, uint K1);
