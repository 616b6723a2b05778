namespace Ebm.Rng;

/// <summary>
/// Four 32-bit words: the counter that Philox4x32 encrypts and the block of random bits it returns.
/// Word order is Random123's <c>ctr.v[0..3]</c>, so the published known-answer vectors read left to right.
/// </summary>
/// <param name="W0">Word 0.</param>
/// <param name="W1">Word 1.</param>
/// <param name="W2">Word 2.</param>
/// <param name="W3">Word 3.</param>
public readonly record struct Philox4x32Block(uint W0, uint W1, uint W2, uint W3)
{
    /// <summary>Word <paramref name="index"/> (0–3) of the block.</summary>
    /// <param name="index">0, 1, 2 or 3.</param>
    /// <returns>The selected word.</returns>
    public uint this[int index] => index switch
    {
        0 => W0,
        1 => W1,
        2 => W2,
        3 => W3,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A Philox4x32 block has words 0 to 3."),
    };
}
