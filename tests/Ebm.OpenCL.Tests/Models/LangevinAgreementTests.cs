using Ebm.Models;
using Ebm.Sampling;

namespace Ebm.OpenCL.Tests.Models;

/// <summary>
/// ULA and MALA on OpenCL against the CPU for the built-in models whose groups are all continuous (GaussianMixture,
/// MlpEnergy): one move agrees within 1e-5 relative, and after 1,000 moves the sample moments agree statistically.
/// </summary>
public class LangevinAgreementTests
{
    public static TheoryData<string> Models => new() { "GaussianMixture", "MlpEnergy", "NoiseConditionalMlp" };

    private static ReadOnlyMemory<float>[] Start(IEnergyModel model, int chains) =>
        [StandardWorkloads.NormalStart(chains, model.Layout.States[0].Size, 2f, seed: 3)];

    private static float Step(string name) => name == "GaussianMixture" ? 0.02f : 0.01f;

    private static void AssertClose(IReadOnlyList<float[]> cpu, IReadOnlyList<float[]> device)
    {
        for (int g = 0; g < cpu.Count; g++)
            for (int i = 0; i < cpu[g].Length; i++)
                Assert.True(Math.Abs(cpu[g][i] - device[g][i]) <= 1e-5 * Math.Max(1, Math.Abs(cpu[g][i])),
                    $"group {g} entry {i}: CPU {cpu[g][i]}, OpenCL {device[g][i]}");
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void One_ula_move_agrees_with_the_cpu(string name)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = ModelProgramTests.Model(name);
        var start = Start(model, 300);
        var options = new LangevinOptions(Step(name), 1, Seed: 5) { FirstStep = 17 };
        LangevinResult cpu = Langevin.Ula(model, start, options);
        LangevinResult device = OpenClSamplers.Ula(model, start, options, context);
        AssertClose(cpu.States, device.States);
        Assert.NotEqual(start[0].ToArray(), device.States[0]);
        Assert.Equal(cpu.GradientEvaluations, device.GradientEvaluations);
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void One_mala_move_agrees_with_the_cpu_and_so_do_its_decisions(string name)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = ModelProgramTests.Model(name);
        var start = Start(model, 300);
        // A step large enough that some proposals are rejected, so both decisions are exercised.
        var options = new LangevinOptions(Step(name) * 10, 1, Seed: 6) { FirstStep = 4 };
        LangevinResult cpu = Langevin.Mala(model, start, options);
        LangevinResult device = OpenClSamplers.Mala(model, start, options, context);
        Assert.Equal(cpu.AcceptedMoves, device.AcceptedMoves);
        Assert.InRange(device.AcceptedMoves.Sum(), 1, 299);
        AssertClose(cpu.States, device.States);
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void After_a_thousand_moves_the_moments_agree(string name)
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = ModelProgramTests.Model(name);
        var start = Start(model, 256);
        foreach (bool adjusted in new[] { false, true })
        {
            var options = new LangevinOptions(Step(name), 1000, Seed: 8) { RecordEvery = 10 };
            LangevinResult cpu = adjusted ? Langevin.Mala(model, start, options) : Langevin.Ula(model, start, options);
            LangevinResult device = adjusted ? OpenClSamplers.Mala(model, start, options, context) : OpenClSamplers.Ula(model, start, options, context);
            // The second half of the recorded samples, after the chains have left their start.
            int size = model.Layout.States[0].Size;
            var a = Moments.Of(cpu.Recorded.Skip(50).Select(s => s.States[0]), size);
            var b = Moments.Of(device.Recorded.Skip(50).Select(s => s.States[0]), size);
            Moments.AssertAgree(a, b, $"{name} {(adjusted ? "MALA" : "ULA")}");
            if (adjusted)
                Assert.True(Math.Abs(cpu.AcceptanceRate - device.AcceptanceRate) < 0.02, $"acceptance {cpu.AcceptanceRate} vs {device.AcceptanceRate}");
        }
    }
}
