using Ebm.Sampling;

namespace Ebm.OpenCL;

/// <summary>
/// The samplers with a backend option: the CPU's <see cref="Langevin"/> and <see cref="GibbsSampler"/>, or the same
/// computation on an OpenCL device (<see cref="OpenClSamplers"/>), with equal arguments and results. Where OpenCL
/// was asked for but no platform exists, the first call says so once through <see cref="Notice"/> and every call
/// runs on the CPU; the explicit <see cref="OpenClSamplers"/> throw instead.
/// </summary>
public static class Samplers
{
    private static int s_noticed;

    /// <summary>Receives the one message saying that OpenCL is missing and the CPU runs instead; standard error by default.</summary>
    public static Action<string> Notice { get; set; } = message => Console.Error.WriteLine(message);

    /// <summary><see cref="Langevin.Ula"/> on <paramref name="backend"/>.</summary>
    /// <inheritdoc cref="Langevin.Ula"/>
    /// <param name="model">A model whose state groups are all continuous (a generated one for OpenCL).</param>
    /// <param name="initial">One [chains × size] batch per continuous group.</param>
    /// <param name="options">Step, moves, seed and the rest, as for the CPU.</param>
    /// <param name="backend">The CPU or an OpenCL device.</param>
    public static LangevinResult Ula(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options, SamplerBackend backend) =>
        Context(backend) is { } context ? OpenClSamplers.Ula(model, initial, options, context) : Langevin.Ula(model, initial, options);

    /// <summary><see cref="Langevin.Mala"/> on <paramref name="backend"/>.</summary>
    /// <inheritdoc cref="Langevin.Mala"/>
    /// <param name="model">A model whose state groups are all continuous (a generated one for OpenCL).</param>
    /// <param name="initial">One [chains × size] batch per continuous group.</param>
    /// <param name="options">Step, moves, seed and the rest, as for the CPU.</param>
    /// <param name="backend">The CPU or an OpenCL device.</param>
    public static LangevinResult Mala(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options, SamplerBackend backend) =>
        Context(backend) is { } context ? OpenClSamplers.Mala(model, initial, options, context) : Langevin.Mala(model, initial, options);

    /// <summary><see cref="GibbsSampler.Run(IGibbsModel, IReadOnlyList{float[]}, GibbsOptions)"/> on <paramref name="backend"/>.</summary>
    /// <inheritdoc cref="GibbsSampler.Run(IGibbsModel, IReadOnlyList{float[]}, GibbsOptions)"/>
    /// <param name="model">The model (a generated one for OpenCL).</param>
    /// <param name="initialStates">One row-major array per state group (rows are chains). Not modified.</param>
    /// <param name="options">Sweeps, seed, burn-in, recording.</param>
    /// <param name="backend">The CPU or an OpenCL device.</param>
    public static GibbsResult Gibbs(IGibbsModel model, IReadOnlyList<float[]> initialStates, GibbsOptions options, SamplerBackend backend) =>
        Context(backend) is { } context ? OpenClSamplers.Gibbs(model, initialStates, options, context) : GibbsSampler.Run(model, initialStates, options);

    /// <summary>The device's shared context, or null for the CPU: asked for, or because OpenCL is missing (said once).</summary>
    private static OpenClContext? Context(SamplerBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (!backend.IsOpenCl)
            return null;
        OpenClProbe probe = OpenClPlatforms.Probe();
        if (!probe.IsAvailable)
        {
            if (Interlocked.Exchange(ref s_noticed, 1) == 0)
                Notice($"OpenCL backend unavailable, running on the CPU: {probe.Reason}");
            return null;
        }
        return OpenClContexts.Shared(backend.Device);
    }
}
