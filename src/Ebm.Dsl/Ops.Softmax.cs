namespace Ebm.Dsl;

public static partial class Ops
{
    /// <summary>
    /// e^{xᵢ} / Σⱼ e^{xⱼ}, computed after subtracting max x. Follows specs/numerics.md at the limits:
    /// k entries of +∞ share the mass, all −∞ gives the uniform distribution, a NaN gives all NaN.
    /// </summary>
    public static Vec Softmax(Vec x)
    {
        int n = x.Length;
        var result = new double[n];
        double max = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
            max = Math.Max(max, x[i]);
        if (double.IsNaN(max))
        {
            Array.Fill(result, double.NaN);
        }
        else if (double.IsNegativeInfinity(max))
        {
            Array.Fill(result, 1.0 / n);
        }
        else if (double.IsPositiveInfinity(max))
        {
            int k = 0;
            for (int i = 0; i < n; i++)
                if (double.IsPositiveInfinity(x[i]))
                    k++;
            for (int i = 0; i < n; i++)
                result[i] = double.IsPositiveInfinity(x[i]) ? 1.0 / k : 0;
        }
        else
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
                sum += result[i] = Math.Exp(x[i] - max);
            for (int i = 0; i < n; i++)
                result[i] /= sum;
        }
        return Vec.Own(result);
    }

    /// <summary>softmax(−x): the Boltzmann weights e^{−xᵢ} / Σⱼ e^{−xⱼ} of energies x.</summary>
    public static Vec Softmin(Vec x) => Softmax(-x);
}
