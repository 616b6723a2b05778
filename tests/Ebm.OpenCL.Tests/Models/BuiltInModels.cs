using Ebm.Models;
using Ebm.Rng;

namespace Ebm.OpenCL.Tests.Models;

/// <summary>
/// The built-in models at small sizes with parameters large enough that the chains move visibly: every trainable
/// value drawn from scale·N(0, 1) (seeded), so the conditionals are far from ½ and the mixture from flat.
/// </summary>
internal static class BuiltInModels
{
    public static BernoulliRbm.Model Rbm(int v = 12, int h = 8) =>
        BernoulliRbm.Create(Scaled(BernoulliRbm.Parameters.Create(v, h, seed: 1), p => p.Vector, (p, x) => p.WithVector(x), 0.5f));

    public static GaussianBernoulliRbm.Model GaussianRbm() =>
        GaussianBernoulliRbm.Create(Scaled(GaussianBernoulliRbm.Parameters.Create(6, 5, sigma: 0.8f, seed: 2), p => p.Vector, (p, x) => p.WithVector(x), 0.4f));

    public static BoltzmannMachine.Model Boltzmann() =>
        BoltzmannMachine.Create(Scaled(BoltzmannMachine.Parameters.Create(7, 5, beta: 0.9f, seed: 3), p => p.Vector, (p, x) => p.WithVector(x), 0.3f));

    public static DeepBoltzmannMachine.Model Deep() =>
        DeepBoltzmannMachine.Create(Scaled(DeepBoltzmannMachine.Parameters.Create(10, 6, 4, seed: 4), p => p.Vector, (p, x) => p.WithVector(x), 0.5f));

    public static GaussianMixture.Model Mixture() => StandardWorkloads.RingOfEight();

    public static MlpEnergy.Model Mlp() =>
        MlpEnergy.Create(Scaled(MlpEnergy.Parameters.Create(5, 16, 8, seed: 5), p => p.Vector, (p, x) => p.WithVector(x), 0.3f));

    /// <summary>The noise-conditional MLP at σ = 0.3, so that its const enters the kernels through log σ and 1/σ.</summary>
    public static NoiseConditionalMlp.Model NoiseConditional() =>
        NoiseConditionalMlp.Create(Scaled(NoiseConditionalMlp.Parameters.Create(3, 8, 8, sigma: 0.3f, seed: 6), p => p.Vector, (p, x) => p.WithVector(x), 0.3f));

    /// <summary>Binary states drawn with p = ½, one array per group, for the given group sizes.</summary>
    public static float[][] BinaryStart(IEnergyModel model, int chains, ulong seed) =>
        model.Layout.States.Select((s, g) =>
        {
            var x = new float[chains * s.Size];
            new RandomStream(seed, (uint)g, 0).FillBernoulli(Enumerable.Repeat(0.5f, x.Length).ToArray(), x);
            if (s.Kind == StateKind.Continuous)
                new RandomStream(seed, (uint)g, 1).FillNormal(x);
            return x;
        }).ToArray();

    private static TParameters Scaled<TParameters>(TParameters parameters, Func<TParameters, ReadOnlySpan<float>> vector,
        Func<TParameters, float[], TParameters> with, float scale)
    {
        var values = new float[vector(parameters).Length];
        new RandomStream(99, 0, 0).FillNormal(values);
        for (int i = 0; i < values.Length; i++)
            values[i] *= scale;
        return with(parameters, values);
    }
}
