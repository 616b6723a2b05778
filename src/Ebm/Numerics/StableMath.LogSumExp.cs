using System.Numerics;

namespace Ebm.Numerics;

public static partial class StableMath
{
    /// <summary>log Σᵢ e^{xᵢ}, shifted by the maximum so that no exponential overflows.</summary>
    /// <returns>−∞ for an empty input or all entries −∞; +∞ if any entry is +∞; NaN if any entry is NaN.</returns>
    public static float LogSumExp(ReadOnlySpan<float> x) => LogSumExpCore(x, 1f);

    /// <inheritdoc cref="LogSumExp(ReadOnlySpan{float})"/>
    public static double LogSumExp(ReadOnlySpan<double> x) => LogSumExpCore(x, 1d);

    /// <summary>T·log Σᵢ e^{xᵢ/T}: the smooth maximum at temperature T, tending to max(x) as T → 0.</summary>
    /// <returns>−∞ for an empty input or all entries −∞; +∞ if any entry is +∞; NaN if any entry is NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite.</exception>
    public static float LogSumExp(ReadOnlySpan<float> x, float temperature) => LogSumExpCore(x, temperature);

    /// <inheritdoc cref="LogSumExp(ReadOnlySpan{float}, float)"/>
    public static double LogSumExp(ReadOnlySpan<double> x, double temperature) => LogSumExpCore(x, temperature);

    private static T LogSumExpCore<T>(ReadOnlySpan<T> x, T temperature) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireTemperature(temperature);
        Peak<T> peak = Peak<T>.Of(x);
        return peak.Kind switch
        {
            PeakKind.Finite => peak.Max + temperature * T.Log(UnaryDriver.MapSum(x, new ShiftedExp<T>(peak.Max, temperature))),
            PeakKind.NaN => T.NaN,
            PeakKind.PositiveInfinity => T.PositiveInfinity,
            _ => T.NegativeInfinity,
        };
    }
}
