using Ebm.Sampling;

namespace Ebm.OpenCL.Tests.Models;

/// <summary>What the runtime says when a model's kernels cannot run as asked.</summary>
public class ChainsTests
{
    /// <summary>A generated model whose kernel source has a line appended, as a broken generator would leave it.</summary>
    private sealed class Broken(IOpenClModel model) : IOpenClModel
    {
        public string OpenClSource => model.OpenClSource + "\n__kernel void broken(void) { int x = ; }\n";
        public int KernelParameterCount => model.KernelParameterCount;
        public void CopyKernelParameters(Span<float> destination) => model.CopyKernelParameters(destination);
        public ModelLayout Layout => model.Layout;
        public void CopyParameters(Span<float> destination) => model.CopyParameters(destination);
        public IEnergyModel WithParameters(ReadOnlySpan<float> values) => model.WithParameters(values);
        public float Energy(IReadOnlyList<ReadOnlyMemory<float>> state) => model.Energy(state);
        public void Energy(IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> energies) => model.Energy(states, energies);
        public float StateGradient(IReadOnlyList<ReadOnlyMemory<float>> state, IReadOnlyList<Memory<float>> gradients) => model.StateGradient(state, gradients);
        public void StateGradient(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<Memory<float>> gradients, Span<float> energies) =>
            model.StateGradient(states, gradients, energies);
        public void AccumulateParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, ReadOnlySpan<float> weights, Span<float> gradient) =>
            model.AccumulateParameterGradient(states, weights, gradient);
    }

    [SkippableFact]
    public void A_kernel_that_does_not_compile_surfaces_the_build_log_and_the_line()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = new Broken(BuiltInModels.Mixture());
        var e = Assert.Throws<OpenClBuildException>(() => new OpenClChains(context, model, [new float[4]]));
        Assert.Contains("error", e.BuildLog, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("int x = ;", e.SourceExcerpt);
        Assert.Contains("EBM_SIZE_0=2", e.Message);
    }

    [SkippableFact]
    public void Langevin_on_a_model_with_a_binary_group_names_the_group()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = BuiltInModels.GaussianRbm();
        var start = BuiltInModels.BinaryStart(model, 4, seed: 1).Select(s => (ReadOnlyMemory<float>)s).ToArray();
        var e = Assert.Throws<ArgumentException>(() => OpenClSamplers.Ula(model, start, new LangevinOptions(0.01f, 1, 1), context));
        Assert.Contains("binary group 'h'", e.Message);
    }

    [SkippableFact]
    public void Drift_clipping_is_refused_rather_than_ignored()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var options = new LangevinOptions(0.01f, 1, 1) { MaxDriftNorm = 1f };
        var e = Assert.Throws<NotSupportedException>(() => OpenClSamplers.Ula(BuiltInModels.Mixture(), [new float[4]], options, context));
        Assert.Contains("MaxDriftNorm", e.Message);
    }

    [SkippableFact]
    public void A_diverging_chain_is_reported_with_its_move_and_keeps_its_last_finite_state()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        float[] start = [0f, 0f, 3e38f, 3e38f, 1f, 1f];
        // Chain 1 starts far out: the mixture's gradient there overflows, so its first move is not finite.
        var e = Assert.Throws<LangevinDivergenceException>(() => OpenClSamplers.Ula(BuiltInModels.Mixture(), [start], new LangevinOptions(0.01f, 3, 1), context));
        Assert.Equal(1, e.Chain);
        Assert.Equal(1, e.Step);
        Assert.Equal(3e38f, e.LastGoodStates[0][2]);
    }

    [SkippableFact]
    public void Recorded_samples_and_continued_runs_match_one_long_run()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = BuiltInModels.Rbm();
        float[][] start = BuiltInModels.BinaryStart(model, 40, seed: 9);
        GibbsResult whole = OpenClSamplers.Gibbs(model, start, new GibbsOptions(6, 3) { RecordEvery = 2, BurnIn = 1 }, context);
        Assert.Equal([3, 5], whole.Samples.Select(s => s.Sweep));
        GibbsResult first = OpenClSamplers.Gibbs(model, start, new GibbsOptions(4, 3), context);
        GibbsResult rest = OpenClSamplers.Gibbs(model, first.States, new GibbsOptions(2, 3) { FirstSweep = first.NextSweep }, context);
        Assert.Equal(whole.States, rest.States);
        GibbsResult cpu = GibbsSampler.Run(model, start, new GibbsOptions(6, 3) { RecordEvery = 2, BurnIn = 1 });
        Assert.Equal(cpu.Samples[1].States, whole.Samples[1].States);
    }

    [SkippableFact]
    public void The_cpu_backend_is_the_cpu_sampler()
    {
        OpenClRequirement.Devices();
        var model = BuiltInModels.Mixture();
        ReadOnlyMemory<float>[] start = [new float[] { 0.5f, -1f, 2f, 0f }];
        var options = new LangevinOptions(0.05f, 5, 4);
        Assert.Equal(Langevin.Ula(model, start, options).States, Samplers.Ula(model, start, options, SamplerBackend.Cpu).States);
        var device = Samplers.Mala(model, start, options, SamplerBackend.OpenCl);
        Assert.Equal(Langevin.Mala(model, start, options).AcceptedMoves, device.AcceptedMoves);
    }

    [SkippableFact]
    public void The_784_by_500_rbm_sweeps_a_thousand_chains_as_the_cpu_does()
    {
        // The benchmark's size: private arrays of 784 and 500 floats per chain, in work-groups of WorkGroupSize.
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = Ebm.Models.StandardWorkloads.Rbm784x500();
        float[][] start = [Ebm.Models.StandardWorkloads.BernoulliStart(1000, 784, seed: 1), Ebm.Models.StandardWorkloads.BernoulliStart(1000, 500, seed: 2)];
        var options = new GibbsOptions(1, 7);
        GibbsResult device = OpenClSamplers.Gibbs(model, start, options, context);
        GibbsResult cpu = GibbsSampler.Run(model, start, options);
        Assert.Equal(cpu.States[0], device.States[0]);
        Assert.Equal(cpu.States[1], device.States[1]);
    }
}
