using Ebm.Sampling;

namespace Ebm.OpenCL.Tests.Models;

/// <summary>
/// Gibbs on OpenCL against the CPU for every built-in model with Gibbs blocks: the same seed gives the same binary
/// states after one sweep (every block updated once), Gaussian units agree to rounding, and after many sweeps the
/// unit means agree within a statistical tolerance.
/// </summary>
public class GibbsAgreementTests
{
    public static TheoryData<string> Models => new() { "BernoulliRbm", "GaussianBernoulliRbm", "BoltzmannMachine", "DeepBoltzmannMachine" };

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void One_sweep_gives_the_cpu_states(string name)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = (IGibbsModel)ModelProgramTests.Model(name);
        float[][] start = BuiltInModels.BinaryStart(model, 200, seed: 11);
        var options = new GibbsOptions(1, Seed: 2026) { FirstSweep = 3 };
        GibbsResult cpu = GibbsSampler.Run(model, start, options);
        GibbsResult device = OpenClSamplers.Gibbs(model, start, options, context);
        Assert.Equal(cpu.NextSweep, device.NextSweep);
        for (int g = 0; g < start.Length; g++)
        {
            StateLayout group = model.Layout.States[g];
            if (group.Kind == StateKind.Binary)
                Assert.Equal(cpu.States[g], device.States[g]);
            else
                for (int i = 0; i < start[g].Length; i++)
                    Assert.True(Math.Abs(cpu.States[g][i] - device.States[g][i]) <= 1e-5 * Math.Max(1, Math.Abs(cpu.States[g][i])),
                        $"{group.Name}[{i}]: CPU {cpu.States[g][i]}, OpenCL {device.States[g][i]}");
            // The sweep moved the group: equality of unchanged states would prove nothing.
            Assert.NotEqual(start[g], device.States[g]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void After_a_thousand_sweeps_the_unit_means_agree(string name)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = (IGibbsModel)ModelProgramTests.Model(name);
        const int chains = 256;
        float[][] start = BuiltInModels.BinaryStart(model, chains, seed: 12);
        // Recording every 10th sweep after 200 of burn-in: 80 samples per chain.
        var options = new GibbsOptions(1000, Seed: 31) { BurnIn = 200, RecordEvery = 10 };
        GibbsResult cpu = GibbsSampler.Run(model, start, options);
        GibbsResult device = OpenClSamplers.Gibbs(model, start, options, context);
        Assert.Equal(cpu.Samples.Count, device.Samples.Count);
        for (int g = 0; g < start.Length; g++)
        {
            int size = model.Layout.States[g].Size;
            var a = Moments.Of(cpu.Samples.Select(s => s.States[g]), size);
            var b = Moments.Of(device.Samples.Select(s => s.States[g]), size);
            Moments.AssertAgree(a, b, $"{name}.{model.Layout.States[g].Name}");
        }
    }
}
