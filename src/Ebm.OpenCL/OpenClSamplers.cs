using Ebm.Sampling;

namespace Ebm.OpenCL;

/// <summary>
/// The CPU samplers' API on an OpenCL device (specs/opencl.md, "Samplers"): the same arguments and results as
/// <see cref="Langevin.Ula"/>, <see cref="Langevin.Mala"/> and <see cref="GibbsSampler.Run(IGibbsModel, IReadOnlyList{float[]}, GibbsOptions)"/>,
/// with the chains resident on the device and the same random stream, so the samples equal the CPU's to rounding.
/// Without a context the device is the one <c>EBM_OPENCL_DEVICE</c> selects, in a context shared by the process.
/// </summary>
/// <remarks>
/// Every call throws <see cref="OpenClUnavailableException"/> when there is no OpenCL device; <see cref="Samplers"/>
/// falls back to the CPU instead. Drift clipping (<see cref="LangevinOptions.MaxDriftNorm"/>) is CPU-only;
/// <c>MaxDegreeOfParallelism</c> has no meaning on a device and is ignored.
/// </remarks>
public static class OpenClSamplers
{
    /// <summary><see cref="Langevin.Ula"/> on the default device.</summary>
    /// <inheritdoc cref="Ula(IEnergyModel, IReadOnlyList{ReadOnlyMemory{float}}, LangevinOptions, OpenClContext)"/>
    public static LangevinResult Ula(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options) =>
        Ula(model, initial, options, OpenClContexts.Shared(null));

    /// <summary><see cref="Langevin.Ula"/> on the device of <paramref name="context"/>.</summary>
    /// <param name="model">A generated model (<see cref="IOpenClModel"/>) whose state groups are all continuous.</param>
    /// <param name="initial">One [chains × size] batch per continuous group.</param>
    /// <param name="options">Step, moves, seed, bounds, recording; <c>MaxDriftNorm</c> must be +∞.</param>
    /// <param name="context">The device's context.</param>
    /// <returns>As the CPU's: final states, recorded samples, acceptance (all moves), gradient evaluations.</returns>
    /// <exception cref="ArgumentException">The model carries no OpenCL kernels or has a binary group, or the states do not fit.</exception>
    /// <exception cref="NotSupportedException">Drift clipping was asked for.</exception>
    /// <exception cref="LangevinDivergenceException">A move was not finite.</exception>
    public static LangevinResult Ula(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options, OpenClContext context)
    {
        using OpenClChains chains = Chains(model, initial, options, context);
        var recorded = Segments(options.Steps, options.RecordEvery, (from, count) =>
            chains.Ula(options.StepSize, count, options.Seed, options.FirstStep + from, options.LowerBound, options.UpperBound), chains);
        long moves = options.Steps;
        var accepted = Array.AsReadOnly(Enumerable.Repeat(moves, chains.Count).ToArray());
        return new LangevinResult(chains.ReadStates(), recorded, accepted, moves, Rate(accepted, moves), moves * chains.Count);
    }

    /// <summary><see cref="Langevin.Mala"/> on the default device.</summary>
    /// <inheritdoc cref="Mala(IEnergyModel, IReadOnlyList{ReadOnlyMemory{float}}, LangevinOptions, OpenClContext)"/>
    public static LangevinResult Mala(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options) =>
        Mala(model, initial, options, OpenClContexts.Shared(null));

    /// <summary><see cref="Langevin.Mala"/> on the device of <paramref name="context"/>; the Metropolis test runs in the kernel.</summary>
    /// <param name="model">A generated model (<see cref="IOpenClModel"/>) whose state groups are all continuous.</param>
    /// <param name="initial">One [chains × size] batch per continuous group; finite, with finite energy.</param>
    /// <param name="options">Step, moves, seed, bounds, recording; <c>MaxDriftNorm</c> must be +∞.</param>
    /// <param name="context">The device's context.</param>
    /// <returns>As the CPU's: final states, recorded samples, accepted moves per chain and the acceptance rate.</returns>
    /// <exception cref="ArgumentException">The model carries no OpenCL kernels or has a binary group, or the states do not fit or have no finite energy.</exception>
    /// <exception cref="NotSupportedException">Drift clipping was asked for.</exception>
    /// <exception cref="LangevinDivergenceException">A proposal inside the bounds was not finite.</exception>
    public static LangevinResult Mala(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options, OpenClContext context)
    {
        using OpenClChains chains = Chains(model, initial, options, context);
        var accepted = new long[chains.Count];
        long evaluations = 0;
        var recorded = Segments(options.Steps, options.RecordEvery, (from, count) =>
        {
            long[] segment = chains.Mala(options.StepSize, count, options.Seed, options.FirstStep + from, options.LowerBound, options.UpperBound);
            for (int c = 0; c < accepted.Length; c++)
                accepted[c] += segment[c];
            evaluations += (long)chains.Count * count;
        }, chains);
        long moves = options.Steps;
        var result = Array.AsReadOnly(accepted);
        return new LangevinResult(chains.ReadStates(), recorded, result, moves, Rate(result, moves), evaluations + chains.Count);
    }

    /// <summary>Block Gibbs sampling on the default device.</summary>
    /// <inheritdoc cref="Gibbs(IGibbsModel, IReadOnlyList{float[]}, GibbsOptions, OpenClContext)"/>
    public static GibbsResult Gibbs(IGibbsModel model, IReadOnlyList<float[]> initialStates, GibbsOptions options) =>
        Gibbs(model, initialStates, options, OpenClContexts.Shared(null));

    /// <summary>
    /// <see cref="GibbsSampler.Run(IGibbsModel, IReadOnlyList{float[]}, GibbsOptions)"/> on the device of <paramref name="context"/>:
    /// one kernel per Gibbs block, one work item per chain.
    /// </summary>
    /// <param name="model">A generated model with Gibbs blocks.</param>
    /// <param name="initialStates">One row-major array per state group (rows are chains). Not modified.</param>
    /// <param name="options">Sweeps, seed, first sweep, burn-in, recording.</param>
    /// <param name="context">The device's context.</param>
    /// <returns>As the CPU's: the final states, the recorded samples and the next global sweep.</returns>
    /// <exception cref="ArgumentException">The model carries no OpenCL kernels or has no Gibbs blocks, or the states do not match its groups.</exception>
    public static GibbsResult Gibbs(IGibbsModel model, IReadOnlyList<float[]> initialStates, GibbsOptions options, OpenClContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(initialStates);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Sweeps, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.BurnIn, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RecordEvery, nameof(options));
        using var chains = new OpenClChains(context, Require(model), initialStates.Select(s => (ReadOnlyMemory<float>)s).ToArray());
        var samples = new List<GibbsSample>();
        int done = 0;
        void Run(int sweeps)
        {
            chains.Gibbs(sweeps, options.Seed, options.FirstSweep + (ulong)done);
            done += sweeps;
        }
        if (options.RecordEvery == 0 || options.Sweeps <= options.BurnIn)
            Run(options.Sweeps);
        else
        {
            Run(options.BurnIn);
            while (options.Sweeps - done >= options.RecordEvery)
            {
                Run(options.RecordEvery);
                samples.Add(new GibbsSample(done, chains.ReadStates()));
            }
            Run(options.Sweeps - done);
        }
        return new GibbsResult(chains.ReadStates(), samples.AsReadOnly(), options.FirstSweep + (ulong)options.Sweeps);
    }

    private static OpenClChains Chains(IEnergyModel model, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinOptions options, OpenClContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(initial);
        if (!float.IsPositiveInfinity(options.MaxDriftNorm))
            throw new NotSupportedException("Drift clipping (MaxDriftNorm) runs on the CPU only; use Langevin.Ula/Mala, or leave MaxDriftNorm at +∞.");
        if (!(options.LowerBound <= options.UpperBound))
            throw new ArgumentOutOfRangeException(nameof(options), $"The bounds must satisfy LowerBound ≤ UpperBound; got [{options.LowerBound}, {options.UpperBound}].");
        ArgumentOutOfRangeException.ThrowIfNegative(options.RecordEvery, nameof(options));
        return new OpenClChains(context, Require(model), initial);
    }

    private static IOpenClModel Require(IEnergyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model as IOpenClModel ?? throw new ArgumentException(
            $"{model.Layout.Description.Name} ({model.GetType().Name}) carries no OpenCL kernels: only models generated from an [EnergyModel] declaration implement IOpenClModel.",
            nameof(model));
    }

    /// <summary>Runs <paramref name="steps"/> moves in segments that end at every recording point, and records there.</summary>
    private static IReadOnlyList<LangevinSample> Segments(int steps, int every, Action<long, int> run, OpenClChains chains)
    {
        var recorded = new List<LangevinSample>();
        long done = 0;
        while (done < steps)
        {
            int count = every > 0 ? (int)Math.Min(every, steps - done) : (int)(steps - done);
            run(done, count);
            done += count;
            if (every > 0 && done % every == 0)
                recorded.Add(new LangevinSample(done, chains.ReadStates()));
        }
        return recorded.AsReadOnly();
    }

    private static double Rate(IReadOnlyList<long> accepted, long proposed) =>
        proposed == 0 || accepted.Count == 0 ? double.NaN : (double)accepted.Sum() / ((double)proposed * accepted.Count);
}
