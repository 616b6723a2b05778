using Ebm.Models;
using Ebm.Rng;
using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>The generated Parameters records: factory conventions, determinism, the flat vector and its named views.</summary>
public class ParametersTests
{
    [Fact]
    public void The_factory_draws_matrices_from_a_small_normal_and_zeroes_vectors()
    {
        var p = BernoulliRbm.Parameters.Create(v: 784, h: 500, seed: 1);

        Assert.Equal((784, 500), (p.v, p.h));
        Assert.Equal(784 * 500 + 784 + 500, p.Layout.ParameterCount);
        double mean = 0, square = 0;
        foreach (float w in p.W)
        {
            mean += w;
            square += (double)w * w;
        }
        mean /= p.W.Length;
        double deviation = Math.Sqrt(square / p.W.Length - mean * mean);
        // 392,000 draws: the mean's standard error is 1.6e-5 and the deviation's 1.1e-5; the bounds are 6 of those.
        Assert.InRange(mean, -1e-4, 1e-4);
        Assert.InRange(deviation, 0.01 - 7e-5, 0.01 + 7e-5);
        Assert.All(p.b.ToArray(), b => Assert.Equal(0f, b));
        Assert.All(p.c.ToArray(), c => Assert.Equal(0f, c));
    }

    [Fact]
    public void Each_matrix_comes_from_the_stream_numbered_by_its_position_in_Energy()
    {
        var p = DeepBoltzmannMachine.Parameters.Create(v: 3, h1: 4, h2: 2, seed: 42);

        // W1 and W2 are parameters 3 and 4 of Energy(v, h1, h2, W1, W2, b, c1, c2).
        var w1 = new float[12];
        new RandomStream(42, 3, 0).FillNormal(w1);
        var w2 = new float[8];
        new RandomStream(42, 4, 0).FillNormal(w2);
        Assert.Equal(w1.Select(w => w * 0.01f), p.W1.ToArray());
        Assert.Equal(w2.Select(w => w * 0.01f), p.W2.ToArray());
    }

    [Fact]
    public void The_factory_is_deterministic_for_a_seed_and_differs_across_seeds()
    {
        Assert.Equal(MlpEnergy.Parameters.Create(x: 5, W1Rows: 4, W2Rows: 3, seed: 7), MlpEnergy.Parameters.Create(x: 5, W1Rows: 4, W2Rows: 3, seed: 7));
        Assert.NotEqual(MlpEnergy.Parameters.Create(x: 5, W1Rows: 4, W2Rows: 3, seed: 7), MlpEnergy.Parameters.Create(x: 5, W1Rows: 4, W2Rows: 3, seed: 8));
        Assert.Equal(0f, MlpEnergy.Parameters.Create(x: 5, W1Rows: 4, W2Rows: 3, seed: 7).b3);
    }

    [Fact]
    public void Const_parameters_are_arguments_of_the_factory_and_stay_out_of_the_vector()
    {
        var p = GaussianBernoulliRbm.Parameters.Create(v: 3, h: 2, sigma: 0.5f, seed: 1);

        Assert.Equal(0.5f, p.sigma);
        Assert.Equal(["W", "b", "c"], p.Layout.Parameters.Select(q => q.Name));
        Assert.Equal(3 * 2 + 3 + 2, p.Vector.Length);
        var moved = p.WithVector(Enumerable.Range(0, 11).Select(i => (float)i).ToArray());
        Assert.Equal(0.5f, moved.sigma);
        Assert.NotEqual(p with { }, GaussianBernoulliRbm.Parameters.Create(v: 3, h: 2, sigma: 0.25f, seed: 1));
    }

    [Fact]
    public void Named_views_are_the_slices_of_the_flat_vector_given_by_the_layout()
    {
        float[] vector = Enumerable.Range(0, 3 * 2 + 3 + 2).Select(i => i + 0.5f).ToArray();
        var p = BernoulliRbm.Parameters.Create(v: 3, h: 2, seed: 1).WithVector(vector);

        Assert.Equal(vector, p.ToVector());
        Assert.Equal(vector, p.Vector.ToArray());
        foreach (var (slot, view) in p.Layout.Parameters.Zip([p.W.ToArray(), p.b.ToArray(), p.c.ToArray()]))
            Assert.Equal(vector.AsSpan(slot.Offset, slot.Length).ToArray(), view);
    }

    [Fact]
    public void The_vector_is_copied_in_and_out()
    {
        float[] vector = new float[11];
        var p = BernoulliRbm.Parameters.Create(v: 3, h: 2, seed: 1).WithVector(vector);
        vector[0] = 9;
        float[] copy = p.ToVector();
        copy[1] = 9;
        Assert.Equal(new float[11], p.ToVector());
    }

    [Fact]
    public void A_vector_of_the_wrong_length_and_a_negative_size_are_rejected()
    {
        var p = BernoulliRbm.Parameters.Create(v: 3, h: 2, seed: 1);
        Assert.Contains("vector has length 10, but the model needs 11", Assert.Throws<ArgumentException>(() => p.WithVector(new float[10])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BernoulliRbm.Parameters.Create(v: -1, h: 2, seed: 1));
    }

    [Property(Arbitrary = [typeof(ModelDrawArbitrary)], MaxTest = 20)]
    public void Every_model_round_trips_its_parameters_through_the_flat_vector(ModelDraw draw)
    {
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            float[] vector = draw.Values(m.Layout.ParameterCount, 3);
            var moved = m.Model.WithParameters(vector);
            var copy = new float[vector.Length];
            moved.CopyParameters(copy);
            Assert.Equal(vector, copy);
            Assert.Equal(m.Layout, moved.Layout);
            Assert.Equal(m.Layout.Parameters.Sum(p => p.Length), m.Layout.ParameterCount);
        }
    }
}
