using System.Numerics;

namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>log softmax(x)ᵢ = xᵢ − log Σⱼ e^{xⱼ}, as a new array; exact where softmax would underflow to 0.</summary>
    /// <remarks>
    /// The log of <see cref="Softmax(ReadOnlySpan{float})"/> under the same conventions: with +∞ entries, −log k
    /// on the k infinite entries and −∞ elsewhere; all −∞ gives −log n everywhere; NaN anywhere gives NaN everywhere.
    /// </remarks>
    public static float[] LogSoftmax(ReadOnlySpan<float> x) => LogSoftmax(x, 1f);

    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{float})"/>
    public static double[] LogSoftmax(ReadOnlySpan<double> x) => LogSoftmax(x, 1d);

    /// <summary>log softmax(x/T) as a new array.</summary>
    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{float})" path="/remarks"/>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    public static float[] LogSoftmax(ReadOnlySpan<float> x, float temperature)
    {
        var result = new float[x.Length];
        LogSoftmaxCore(x, result, temperature);
        return result;
    }

    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{float}, float)"/>
    public static double[] LogSoftmax(ReadOnlySpan<double> x, double temperature)
    {
        var result = new double[x.Length];
        LogSoftmaxCore(x, result, temperature);
        return result;
    }

    /// <summary>destination = log softmax(x/T). x and destination may be the same span.</summary>
    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{float})" path="/remarks"/>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> destination, float temperature) => LogSoftmaxCore(x, destination, temperature);

    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{float}, Span{float}, float)"/>
    public static void LogSoftmax(ReadOnlySpan<double> x, Span<double> destination, double temperature) => LogSoftmaxCore(x, destination, temperature);

    private static void LogSoftmaxCore<T>(ReadOnlySpan<T> x, Span<T> destination, T temperature) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x.Length, destination.Length);
        RequireTemperature(temperature);
        Peak<T> peak = Peak<T>.Of(x);
        switch (peak.Kind)
        {
            case PeakKind.Finite:
                T logSum = T.Log(UnaryDriver.MapSum(x, new ShiftedExp<T>(peak.Max, temperature)));
                UnaryDriver.Map(x, destination, new ShiftedLinear<T>(peak.Max, temperature, logSum));
                break;
            case PeakKind.NaN:
                destination.Fill(T.NaN);
                break;
            case PeakKind.PositiveInfinity:
                T logShare = -T.Log(T.CreateTruncating(peak.InfiniteCount));
                for (int i = 0; i < x.Length; i++)
                    destination[i] = T.IsPositiveInfinity(x[i]) ? logShare : T.NegativeInfinity;
                break;
            case PeakKind.AllNegativeInfinity:
                destination.Fill(-T.Log(T.CreateTruncating(x.Length)));
                break;
        }
    }
}
