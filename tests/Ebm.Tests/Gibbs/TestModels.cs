using Ebm.Models;
using Ebm.Rng;

namespace Ebm.Tests.Gibbs;

/// <summary>Built-in models with every trainable parameter drawn from N(0, scale²) by a fixed seed.</summary>
internal static class TestModels
{
    public static float[] RandomVector(int length, float scale, ulong seed)
    {
        var values = new float[length];
        new RandomStream(seed, 0, 0).FillNormal(values);
        for (int i = 0; i < length; i++)
            values[i] *= scale;
        return values;
    }

    public static BernoulliRbm.Model Rbm(int v, int h, float scale, ulong seed)
    {
        var p = BernoulliRbm.Parameters.Create(v: v, h: h, seed: 1);
        return BernoulliRbm.Create(p.WithVector(RandomVector(p.Layout.ParameterCount, scale, seed)));
    }

    public static BoltzmannMachine.Model Bm(int v, int h, float beta, float scale, ulong seed)
    {
        var p = BoltzmannMachine.Parameters.Create(v: v, h: h, beta: beta, seed: 1);
        return BoltzmannMachine.Create(p.WithVector(RandomVector(p.Layout.ParameterCount, scale, seed)));
    }

    public static DeepBoltzmannMachine.Model Dbm(int v, int h1, int h2, float scale, ulong seed)
    {
        var p = DeepBoltzmannMachine.Parameters.Create(v: v, h1: h1, h2: h2, seed: 1);
        return DeepBoltzmannMachine.Create(p.WithVector(RandomVector(p.Layout.ParameterCount, scale, seed)));
    }

    public static GaussianBernoulliRbm.Model GbRbm(int v, int h, float sigma, float scale, ulong seed)
    {
        var p = GaussianBernoulliRbm.Parameters.Create(v: v, h: h, sigma: sigma, seed: 1);
        return GaussianBernoulliRbm.Create(p.WithVector(RandomVector(p.Layout.ParameterCount, scale, seed)));
    }

    /// <summary>Uniformly random binary states for <paramref name="chains"/> chains of every group.</summary>
    public static float[][] RandomBinaryStates(IEnergyModel model, int chains, ulong seed) =>
        model.Layout.States.Select((g, k) =>
        {
            var u = new float[chains * g.Size];
            new RandomStream(seed, (uint)k, 1).FillUniform(u);
            return u.Select(x => x <= 0.5f ? 1f : 0f).ToArray();
        }).ToArray();
}
