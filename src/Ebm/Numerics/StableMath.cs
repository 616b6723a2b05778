using System.Numerics;

namespace Ebm.Numerics;

/// <summary>
/// Numerically stable elementwise functions and reductions used by every model, sampler and trainer.
/// One file per operation (<c>StableMath.Softmax.cs</c> …). Each is stable for inputs up to 1e30 in
/// magnitude and for ±∞ entries, propagates NaN without throwing, and follows the conventions for
/// empty and all −∞ inputs written in <c>specs/numerics.md</c>. Float and double overloads share one
/// implementation; span overloads write into a destination, the others return new arrays.
/// </summary>
public static partial class StableMath
{
    private static void Elementwise<T, TOp>(ReadOnlySpan<T> x, Span<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOperator<T>
    {
        RequireSameLength(x.Length, destination.Length);
        UnaryDriver.Map(x, destination, op);
    }

    private static void RequireSameLength(int inputLength, int destinationLength)
    {
        if (inputLength != destinationLength)
            throw new ArgumentException(
                $"The input has length {inputLength} but the destination has length {destinationLength}; they must be equal.",
                "destination");
    }

    private static void RequireTemperature<T>(T temperature) where T : IFloatingPointIeee754<T>
    {
        if (!(temperature > T.Zero) || !T.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                "The temperature must be positive and finite; use a small temperature such as 1e-30 for the argmax limit.");
    }
}
