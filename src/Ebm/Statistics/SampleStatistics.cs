namespace Ebm.Statistics;

/// <summary>
/// Moments of samples stored row-major as [n × dimension] (the layout of a batch of states), accumulated in double.
/// </summary>
public static class SampleStatistics
{
    /// <summary>The sample mean of each coordinate.</summary>
    /// <param name="samples">n rows of <paramref name="dimension"/> values.</param>
    /// <param name="dimension">Values per row, ≥ 1.</param>
    /// <returns>The d means.</returns>
    /// <exception cref="ArgumentException">The length is not a positive multiple of the dimension.</exception>
    public static double[] Mean(ReadOnlySpan<float> samples, int dimension)
    {
        int n = Rows(samples, dimension);
        var mean = new double[dimension];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < dimension; j++)
                mean[j] += samples[r * dimension + j];
        for (int j = 0; j < dimension; j++)
            mean[j] /= n;
        return mean;
    }

    /// <summary>The unbiased sample covariance Σ (divisor n − 1), row-major d × d.</summary>
    /// <param name="samples">n ≥ 2 rows of <paramref name="dimension"/> values.</param>
    /// <param name="dimension">Values per row, ≥ 1.</param>
    /// <returns>Σ[i·d + j] = Σᵣ (xᵣᵢ − x̄ᵢ)(xᵣⱼ − x̄ⱼ)/(n − 1).</returns>
    /// <exception cref="ArgumentException">The length is not a multiple of the dimension holding at least two rows.</exception>
    public static double[] Covariance(ReadOnlySpan<float> samples, int dimension)
    {
        int n = Rows(samples, dimension);
        if (n < 2)
            throw new ArgumentException("A covariance needs at least two samples.", nameof(samples));
        double[] mean = Mean(samples, dimension);
        var cov = new double[dimension * dimension];
        var centred = new double[dimension];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < dimension; j++)
                centred[j] = samples[r * dimension + j] - mean[j];
            for (int i = 0; i < dimension; i++)
                for (int j = 0; j < dimension; j++)
                    cov[i * dimension + j] += centred[i] * centred[j];
        }
        for (int k = 0; k < cov.Length; k++)
            cov[k] /= n - 1;
        return cov;
    }

    /// <summary>The k-th central moment of each coordinate, (1/n) Σᵣ (xᵣⱼ − x̄ⱼ)^k (k = 2 is the biased variance).</summary>
    /// <param name="samples">n rows of <paramref name="dimension"/> values.</param>
    /// <param name="dimension">Values per row, ≥ 1.</param>
    /// <param name="order">k ≥ 1.</param>
    /// <returns>The d moments.</returns>
    public static double[] CentralMoment(ReadOnlySpan<float> samples, int dimension, int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        int n = Rows(samples, dimension);
        double[] mean = Mean(samples, dimension);
        var moment = new double[dimension];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < dimension; j++)
                moment[j] += Math.Pow(samples[r * dimension + j] - mean[j], order);
        for (int j = 0; j < dimension; j++)
            moment[j] /= n;
        return moment;
    }

    /// <summary>Accepted over proposed moves, all chains together.</summary>
    /// <param name="accepted">Accepted moves of each chain.</param>
    /// <param name="proposedPerChain">Moves proposed to each chain.</param>
    /// <returns>Σ accepted / (chains · proposed); NaN when nothing was proposed.</returns>
    public static double AcceptanceRate(IReadOnlyList<long> accepted, long proposedPerChain)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentOutOfRangeException.ThrowIfNegative(proposedPerChain);
        if (accepted.Count == 0 || proposedPerChain == 0)
            return double.NaN;
        return (double)accepted.Sum() / ((double)accepted.Count * proposedPerChain);
    }

    /// <summary>
    /// The effective sample size of one chain's series, n/τ with τ = −1 + 2 Σₘ Γₘ, Γₘ = ρ̂₂ₘ + ρ̂₂ₘ₊₁ summed while
    /// positive and made non-increasing (Geyer's initial monotone sequence estimator, 1992); ρ̂ₖ are the
    /// autocorrelations with the biased (divisor n) autocovariance. Capped at n·log₁₀ n, as Stan does, for
    /// antithetic series.
    /// </summary>
    /// <param name="series">n ≥ 4 successive values of one chain.</param>
    /// <returns>The effective number of independent samples; n for a constant series.</returns>
    public static double EffectiveSampleSize(ReadOnlySpan<float> series)
    {
        int n = series.Length;
        if (n < 4)
            throw new ArgumentException("The effective sample size needs at least 4 values.", nameof(series));
        double mean = 0;
        foreach (float v in series)
            mean += v;
        mean /= n;
        var centred = new double[n];
        for (int i = 0; i < n; i++)
            centred[i] = series[i] - mean;
        double c0 = Autocovariance(centred, 0);
        if (c0 == 0)
            return n;
        double tau = -1, previous = double.PositiveInfinity;
        for (int m = 0; 2 * m + 1 < n; m++)
        {
            double gamma = (Autocovariance(centred, 2 * m) + Autocovariance(centred, 2 * m + 1)) / c0;
            if (gamma <= 0)
                break;
            gamma = Math.Min(gamma, previous);
            previous = gamma;
            tau += 2 * gamma;
        }
        return Math.Min(n / tau, n * Math.Log10(n));
    }

    private static double Autocovariance(double[] centred, int lag)
    {
        double s = 0;
        for (int i = 0; i + lag < centred.Length; i++)
            s += centred[i] * centred[i + lag];
        return s / centred.Length;
    }

    internal static int Rows(ReadOnlySpan<float> samples, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (samples.Length == 0 || samples.Length % dimension != 0)
            throw new ArgumentException($"{samples.Length} values are not a positive whole number of rows of {dimension}.", nameof(samples));
        return samples.Length / dimension;
    }
}
