using Ebm.Dsl.Tests.Interpreter;
using Ebm.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Models;

/// <summary>
/// Random sizes, parameters and states for a model: a seed from FsCheck drives the draws, so a failure
/// reports the seed that reproduces it.
/// </summary>
public sealed record Draw(int Seed)
{
    private readonly Random random = new(Seed);

    public int Size() => random.Next(1, 7);

    public double[] Vector(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4 - 2).ToArray();

    public double[] Bits(int n) => Enumerable.Range(0, n).Select(_ => (double)random.Next(2)).ToArray();

    public double[,] Matrix(int rows, int cols)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                m[i, j] = random.NextDouble() * 4 - 2;
        return m;
    }

    public double Positive() => 0.5 + random.NextDouble() * 1.5;

    public override string ToString() => $"seed {Seed}";
}

public static class DrawArbitrary
{
    public static Arbitrary<Draw> Draw() => Gen.Choose(0, int.MaxValue - 1).Select(seed => new Draw(seed)).ToArbitrary();
}

/// <summary>
/// Each built-in declaration, executed by the interpreter, against its energy written out as sums over
/// the arrays (the formulas of the models' documentation, not their DSL text).
/// </summary>
[Properties(Arbitrary = [typeof(DrawArbitrary)], MaxTest = 100)]
public class ModelEnergyProperties
{
    private const double Tolerance = 1e-12;

    private static double BilinearForm(double[] u, double[,] w, double[] v)
    {
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
            for (int j = 0; j < v.Length; j++)
                sum += u[i] * w[i, j] * v[j];
        return sum;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    [Property]
    public void Gaussian_mixture_is_minus_log_sum_of_weighted_gaussian_kernels(Draw d)
    {
        int dim = d.Size(), k = d.Size();
        double[] x = d.Vector(dim), logWeights = d.Vector(k);
        double[,] means = d.Matrix(k, dim);
        double sigma = d.Positive();

        double sum = 0;
        for (int c = 0; c < k; c++)
        {
            double squared = 0;
            for (int i = 0; i < dim; i++)
                squared += (x[i] - means[c, i]) * (x[i] - means[c, i]);
            sum += Math.Exp(logWeights[c]) * Math.Exp(-squared / (2 * sigma * sigma));
        }
        double expected = -Math.Log(sum);

        Close.Equal(expected, GaussianMixture.Energy(new Vec(x), new Mat(means), new Vec(logWeights), sigma).Value, Tolerance);
    }

    [Property]
    public void Bernoulli_rbm_is_minus_bv_minus_ch_minus_vWh(Draw d)
    {
        int nv = d.Size(), nh = d.Size();
        double[] v = d.Bits(nv), h = d.Bits(nh), b = d.Vector(nv), c = d.Vector(nh);
        double[,] w = d.Matrix(nv, nh);

        double expected = -Dot(b, v) - Dot(c, h) - BilinearForm(v, w, h);

        Close.Equal(expected, BernoulliRbm.Energy(new Vec(v), new Vec(h), new Mat(w), new Vec(b), new Vec(c)).Value, Tolerance);
    }

    [Property]
    public void Gaussian_bernoulli_rbm_is_the_quadratic_visible_term_minus_the_couplings(Draw d)
    {
        int nv = d.Size(), nh = d.Size();
        double[] v = d.Vector(nv), h = d.Bits(nh), b = d.Vector(nv), c = d.Vector(nh);
        double[,] w = d.Matrix(nv, nh);
        double sigma = d.Positive();

        double quadratic = 0;
        for (int i = 0; i < nv; i++)
            quadratic += (v[i] - b[i]) * (v[i] - b[i]) / (2 * sigma * sigma);
        double expected = quadratic - Dot(c, h) - BilinearForm(v, w, h) / sigma;

        Close.Equal(expected, GaussianBernoulliRbm.Energy(new Vec(v), new Vec(h), new Mat(w), new Vec(b), new Vec(c), sigma).Value, Tolerance);
    }

    [Property]
    public void Boltzmann_machine_adds_lateral_terms_and_scales_by_beta(Draw d)
    {
        int nv = d.Size(), nh = d.Size();
        double[] v = d.Bits(nv), h = d.Bits(nh), b = d.Vector(nv), c = d.Vector(nh);
        double[,] l = d.Matrix(nv, nv), j = d.Matrix(nh, nh), w = d.Matrix(nv, nh);
        double beta = d.Positive();

        double expected = beta * (-BilinearForm(v, l, v) / 2 - BilinearForm(h, j, h) / 2 - BilinearForm(v, w, h) - Dot(b, v) - Dot(c, h));

        Close.Equal(expected, BoltzmannMachine.Energy(new Vec(v), new Vec(h), new Mat(l), new Mat(j), new Mat(w), new Vec(b), new Vec(c), beta).Value, Tolerance);
    }

    [Property]
    public void Deep_boltzmann_machine_couples_only_adjacent_layers(Draw d)
    {
        int nv = d.Size(), n1 = d.Size(), n2 = d.Size();
        double[] v = d.Bits(nv), h1 = d.Bits(n1), h2 = d.Bits(n2), b = d.Vector(nv), c1 = d.Vector(n1), c2 = d.Vector(n2);
        double[,] w1 = d.Matrix(nv, n1), w2 = d.Matrix(n1, n2);

        double expected = -BilinearForm(v, w1, h1) - BilinearForm(h1, w2, h2) - Dot(b, v) - Dot(c1, h1) - Dot(c2, h2);

        Close.Equal(expected, DeepBoltzmannMachine.Energy(
            new Vec(v), new Vec(h1), new Vec(h2), new Mat(w1), new Mat(w2), new Vec(b), new Vec(c1), new Vec(c2)).Value, Tolerance);
    }

    [Property]
    public void Mlp_energy_is_a_two_layer_silu_network_with_a_linear_readout(Draw d)
    {
        int nx = d.Size(), n1 = d.Size(), n2 = d.Size();
        double[] x = d.Vector(nx), b1 = d.Vector(n1), b2 = d.Vector(n2), w3 = d.Vector(n2);
        double[,] w1 = d.Matrix(n1, nx), w2 = d.Matrix(n2, n1);
        double b3 = d.Vector(1)[0];

        static double[] Layer(double[,] w, double[] input, double[] bias)
        {
            var output = new double[bias.Length];
            for (int i = 0; i < bias.Length; i++)
            {
                double z = bias[i];
                for (int j = 0; j < input.Length; j++)
                    z += w[i, j] * input[j];
                output[i] = z / (1 + Math.Exp(-z));
            }
            return output;
        }
        double expected = Dot(w3, Layer(w2, Layer(w1, x, b1), b2)) + b3;

        Close.Equal(expected, MlpEnergy.Energy(new Vec(x), new Mat(w1), new Vec(b1), new Mat(w2), new Vec(b2), new Vec(w3), b3).Value, Tolerance);
    }
}
