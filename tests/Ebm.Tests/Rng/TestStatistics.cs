namespace Ebm.Tests.Rng;

/// <summary>
/// Reference distributions and goodness-of-fit statistics for the generator tests, written out here so
/// the tests depend on no statistics package. Each has its accuracy stated and is checked in
/// <see cref="TestStatisticsTests"/>.
/// </summary>
internal static class TestStatistics
{
    /// <summary>
    /// Complementary error function by the Chebyshev fit of Numerical Recipes in C (2nd ed., §6.2, erfcc):
    /// fractional error below 1.2·10⁻⁷ for every x.
    /// </summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /// <summary>Standard normal CDF Φ(x) = erfc(−x/√2)/2; absolute error below 1.2·10⁻⁷.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2.0));

    /// <summary>ln Γ(x) for x &gt; 0 by Lanczos' series as in Numerical Recipes (gammln); error below 2·10⁻¹⁰.</summary>
    public static double GammaLn(double x)
    {
        ReadOnlySpan<double> cof =
        [
            76.18009172947146, -86.50532032941677, 24.01409824083091,
            -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5,
        ];
        double y = x;
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.Log(tmp);
        double ser = 1.000000000190015;
        foreach (double c in cof)
            ser += c / ++y;
        return -tmp + Math.Log(2.5066282746310005 * ser / x);
    }

    /// <summary>
    /// Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): the series for x &lt; a + 1 and Lentz's
    /// continued fraction otherwise (Numerical Recipes gammq), each run to a relative 10⁻¹⁴.
    /// </summary>
    public static double GammaQ(double a, double x)
    {
        if (x < 0 || a <= 0)
            throw new ArgumentOutOfRangeException(nameof(x));
        if (x == 0)
            return 1.0;
        double front = Math.Exp(-x + a * Math.Log(x) - GammaLn(a));
        if (x < a + 1)
        {
            double ap = a, del = 1.0 / a, sum = del;
            for (int n = 0; n < 10_000 && Math.Abs(del) > Math.Abs(sum) * 1e-14; n++)
            {
                ap += 1;
                del *= x / ap;
                sum += del;
            }
            return 1.0 - sum * front;
        }
        const double Tiny = 1e-300;
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-14)
                break;
        }
        return front * h;
    }

    /// <summary>P(χ²(df) ≥ statistic), the p-value of a chi-square test.</summary>
    public static double ChiSquarePValue(double statistic, int degreesOfFreedom) =>
        GammaQ(degreesOfFreedom / 2.0, statistic / 2.0);

    /// <summary>Pearson's statistic Σ (observed − expected)² / expected for equal expected counts.</summary>
    public static double ChiSquareUniform(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (long c in counts)
            total += c;
        double expected = (double)total / counts.Length;
        double chi2 = 0;
        foreach (long c in counts)
            chi2 += (c - expected) * (c - expected) / expected;
        return chi2;
    }

    /// <summary>
    /// The Kolmogorov–Smirnov statistic D = sup |F_n − F| of a sample (sorted in place) against a continuous CDF.
    /// </summary>
    public static double KolmogorovSmirnovStatistic(Span<double> sample, Func<double, double> cdf)
    {
        sample.Sort();
        int n = sample.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sample[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        return d;
    }

    /// <summary>
    /// Asymptotic p-value of D for n samples: Q_KS((√n + 0.12 + 0.11/√n)·D) with
    /// Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} exp(−2j²λ²) (Stephens' small-sample correction, as in Numerical Recipes probks).
    /// </summary>
    public static double KolmogorovSmirnovPValue(double d, int n)
    {
        double sqrtN = Math.Sqrt(n);
        double lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
        if (lambda < 0.2)
            return 1.0; // The alternating series does not converge there; Q_KS(0.2) = 1 − 2·10⁻²⁴.
        double sum = 0, sign = 1;
        for (int j = 1; j <= 100; j++)
        {
            double term = sign * Math.Exp(-2.0 * j * j * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-16)
                break;
            sign = -sign;
        }
        return Math.Clamp(2 * sum, 0.0, 1.0);
    }

    /// <summary>Pearson's correlation coefficient of two equally long samples.</summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = Mean(x), my = Mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Sample mean.</summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x)
            s += v;
        return s / x.Length;
    }

    /// <summary>The first four moments: mean, variance (1/n), skewness and excess kurtosis.</summary>
    public static Moments ComputeMoments(ReadOnlySpan<double> x)
    {
        double mean = Mean(x);
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (double v in x)
        {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        int n = x.Length;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return new Moments(mean, m2, m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2) - 3.0);
    }

    public static double[] ToDouble(ReadOnlySpan<float> x)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
            result[i] = x[i];
        return result;
    }
}

internal readonly record struct Moments(double Mean, double Variance, double Skewness, double ExcessKurtosis);
