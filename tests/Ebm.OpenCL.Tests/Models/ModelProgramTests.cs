namespace Ebm.OpenCL.Tests.Models;

public class ModelProgramTests
{
    public static TheoryData<string> Models => new() { "BernoulliRbm", "GaussianBernoulliRbm", "BoltzmannMachine", "DeepBoltzmannMachine", "GaussianMixture", "MlpEnergy", "NoiseConditionalMlp" };

    internal static IOpenClModel Model(string name) => name switch
    {
        "BernoulliRbm" => BuiltInModels.Rbm(),
        "GaussianBernoulliRbm" => BuiltInModels.GaussianRbm(),
        "BoltzmannMachine" => BuiltInModels.Boltzmann(),
        "DeepBoltzmannMachine" => BuiltInModels.Deep(),
        "GaussianMixture" => BuiltInModels.Mixture(),
        "NoiseConditionalMlp" => BuiltInModels.NoiseConditional(),
        _ => BuiltInModels.Mlp(),
    };

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void The_energy_kernel_agrees_with_the_cpu(string name)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        IOpenClModel model = Model(name);
        float[][] states = BuiltInModels.BinaryStart(model, 33, seed: 5);
        using var chains = new OpenClChains(context, model, states.Select(s => (ReadOnlyMemory<float>)s).ToArray());
        float[] device = chains.Energies();
        var cpu = new float[33];
        model.Energy(states.Select(s => (ReadOnlyMemory<float>)s).ToArray(), cpu);
        for (int c = 0; c < cpu.Length; c++)
            Assert.True(Math.Abs(device[c] - cpu[c]) <= 1e-5 * Math.Max(1, Math.Abs(cpu[c])), $"{name} chain {c}: OpenCL {device[c]}, CPU {cpu[c]}");
    }
}
