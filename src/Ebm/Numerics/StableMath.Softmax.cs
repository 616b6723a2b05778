using System.Numerics;
using System.Numerics.Tensors;

namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>softmax(x)ᵢ = e^{xᵢ} / Σⱼ e^{xⱼ}, as a new array.</summary>
    /// <remarks>
    /// Entries equal to +∞ share all the mass equally; an input whose entries are all −∞ gives the
    /// uniform distribution (the limit of softmax(c·1) as c → −∞, which keeps Σ = 1); any NaN makes
    /// every entry NaN; an empty input gives an empty result. See <c>specs/numerics.md</c>.
    /// </remarks>
    public static float[] Softmax(ReadOnlySpan<float> x) => Softmax(x, 1f);

    /// <inheritdoc cref="Softmax(ReadOnlySpan{float})"/>
    public static double[] Softmax(ReadOnlySpan<double> x) => Softmax(x, 1d);

    /// <summary>softmax(x/T) as a new array: T → 0 tends to the one-hot argmax, T → ∞ to the uniform distribution.</summary>
    /// <inheritdoc cref="Softmax(ReadOnlySpan{float})" path="/remarks"/>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    public static float[] Softmax(ReadOnlySpan<float> x, float temperature)
    {
        var result = new float[x.Length];
        SoftmaxCore(x, result, temperature);
        return result;
    }

    /// <inheritdoc cref="Softmax(ReadOnlySpan{float}, float)"/>
    public static double[] Softmax(ReadOnlySpan<double> x, double temperature)
    {
        var result = new double[x.Length];
        SoftmaxCore(x, result, temperature);
        return result;
    }

    /// <summary>destination = softmax(x/T). x and destination may be the same span.</summary>
    /// <inheritdoc cref="Softmax(ReadOnlySpan{float})" path="/remarks"/>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    public static void Softmax(ReadOnlySpan<float> x, Span<float> destination, float temperature) => SoftmaxCore(x, destination, temperature);

    /// <inheritdoc cref="Softmax(ReadOnlySpan{float}, Span{float}, float)"/>
    public static void Softmax(ReadOnlySpan<double> x, Span<double> destination, double temperature) => SoftmaxCore(x, destination, temperature);

    private static void SoftmaxCore<T>(ReadOnlySpan<T> x, Span<T> destination, T temperature) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x.Length, destination.Length);
        RequireTemperature(temperature);
        Peak<T> peak = Peak<T>.Of(x);
        switch (peak.Kind)
        {
            case PeakKind.Finite:
                UnaryDriver.Map(x, destination, new ShiftedExp<T>(peak.Max, temperature));
                // The maximum contributes e⁰ = 1, so the sum is at least 1: no division by zero.
                T sum = TensorPrimitives.Sum<T>(destination);
                UnaryDriver.Map<T, DivideBy<T>>(destination, destination, new DivideBy<T>(sum));
                break;
            case PeakKind.NaN:
                destination.Fill(T.NaN);
                break;
            case PeakKind.PositiveInfinity:
                T share = T.One / T.CreateTruncating(peak.InfiniteCount);
                for (int i = 0; i < x.Length; i++)
                    destination[i] = T.IsPositiveInfinity(x[i]) ? share : T.Zero;
                break;
            case PeakKind.AllNegativeInfinity:
                destination.Fill(T.One / T.CreateTruncating(x.Length));
                break;
        }
    }
}
