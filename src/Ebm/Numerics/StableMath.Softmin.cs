using System.Numerics;

namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>softmin(x) = softmax(−x), as a new array: the Boltzmann weights e^{−Eᵢ}/Z of energies x.</summary>
    /// <remarks>Entries equal to −∞ share all the mass; all +∞ gives the uniform distribution; see <see cref="Softmax(ReadOnlySpan{float})"/>.</remarks>
    public static float[] Softmin(ReadOnlySpan<float> x) => Softmin(x, 1f);

    /// <inheritdoc cref="Softmin(ReadOnlySpan{float})"/>
    public static double[] Softmin(ReadOnlySpan<double> x) => Softmin(x, 1d);

    /// <summary>softmax(−x/T) as a new array: the Boltzmann distribution of energies x at temperature T.</summary>
    /// <inheritdoc cref="Softmin(ReadOnlySpan{float})" path="/remarks"/>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    public static float[] Softmin(ReadOnlySpan<float> x, float temperature)
    {
        var result = new float[x.Length];
        SoftminCore(x, result, temperature);
        return result;
    }

    /// <inheritdoc cref="Softmin(ReadOnlySpan{float}, float)"/>
    public static double[] Softmin(ReadOnlySpan<double> x, double temperature)
    {
        var result = new double[x.Length];
        SoftminCore(x, result, temperature);
        return result;
    }

    /// <summary>destination = softmax(−x/T). x and destination may be the same span.</summary>
    /// <inheritdoc cref="Softmin(ReadOnlySpan{float})" path="/remarks"/>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    public static void Softmin(ReadOnlySpan<float> x, Span<float> destination, float temperature) => SoftminCore(x, destination, temperature);

    /// <inheritdoc cref="Softmin(ReadOnlySpan{float}, Span{float}, float)"/>
    public static void Softmin(ReadOnlySpan<double> x, Span<double> destination, double temperature) => SoftminCore(x, destination, temperature);

    private static void SoftminCore<T>(ReadOnlySpan<T> x, Span<T> destination, T temperature) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x.Length, destination.Length);
        // Negating into the destination first keeps softmin allocation-free; softmax then runs in place.
        UnaryDriver.Map(x, destination, default(Negation<T>));
        SoftmaxCore<T>(destination, destination, temperature);
    }
}
