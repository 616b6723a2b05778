namespace Ebm.Sampling;

/// <summary>Noise schedules for annealed Langevin dynamics.</summary>
public static class NoiseSchedule
{
    /// <summary>
    /// <paramref name="count"/> levels from <paramref name="first"/> down to <paramref name="last"/> with a constant
    /// ratio: σᵢ = first·(last/first)^(i/(count − 1)), computed in double; the ends are exact.
    /// </summary>
    /// <param name="first">σ₁, the largest level.</param>
    /// <param name="last">σ_L, the smallest level, 0 &lt; last &lt; first.</param>
    /// <param name="count">L ≥ 2.</param>
    /// <returns>The levels, largest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The levels are not 0 &lt; last &lt; first, finite, or count &lt; 2.</exception>
    public static IReadOnlyList<float> Geometric(float first, float last, int count)
    {
        if (!(last > 0 && last < first && float.IsFinite(first)))
            throw new ArgumentOutOfRangeException(nameof(last), $"A geometric schedule needs 0 < last < first < ∞; got first = {first}, last = {last}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var levels = new float[count];
        double ratio = (double)last / first;
        for (int i = 0; i < count; i++)
            levels[i] = (float)(first * Math.Pow(ratio, (double)i / (count - 1)));
        levels[0] = first;
        levels[^1] = last;
        return Array.AsReadOnly(levels);
    }
}
