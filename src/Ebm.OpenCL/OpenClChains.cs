using System.Globalization;
using Ebm.OpenCL.Kernels;
using Ebm.Sampling;

namespace Ebm.OpenCL;

/// <summary>
/// A batch of chains of a generated model resident on one device: the states, and the model's parameters, stay in
/// device buffers between moves; only <see cref="ReadStates"/> and <see cref="Energies"/> copy back. The moves are
/// the model's own kernels (<see cref="IOpenClModel.OpenClSource"/>, specs/opencl.md §10–§11) with one
/// work item per chain, drawing from the Ebm random stream keyed as the CPU samplers key it, so a run equals the
/// CPU's for the same seed (to rounding; binary draws exactly, but for logits within a few ulps of the uniform).
/// </summary>
/// <remarks>Not thread-safe: a batch's kernels share their arguments. Dispose it, or its context, to free the buffers.</remarks>
public sealed class OpenClChains : IDisposable
{
    private readonly OpenClContext context;
    private readonly OpenClProgram program;
    private readonly OpenClBuffer<float> parameters;
    private readonly OpenClBuffer<float>[] states;
    private readonly Dictionary<string, OpenClKernel> kernels = new(StringComparer.Ordinal);
    private readonly List<IDisposable> owned = [];
    private readonly long global;
    private readonly int local;
    private OpenClBuffer<float>[]? gradients;
    private OpenClBuffer<float>? energies;
    private OpenClBuffer<int>? counts;
    private OpenClBuffer<int>? diverged;
    private bool disposed;

    /// <summary>Uploads the model's parameters and the chains' states, and builds the model's program (once per context).</summary>
    /// <param name="context">The device's context.</param>
    /// <param name="model">A generated model.</param>
    /// <param name="initial">One row-major [chains × size] batch per state group, in the order of <see cref="ModelLayout.States"/>.</param>
    /// <exception cref="ArgumentException">The states do not fit the layout, or a size of the model is zero.</exception>
    /// <exception cref="OpenClBuildException">The model's kernels do not compile on this device (the log says why).</exception>
    public OpenClChains(OpenClContext context, IOpenClModel model, IReadOnlyList<ReadOnlyMemory<float>> initial)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(initial);
        this.context = context;
        Model = model;
        ModelLayout layout = model.Layout;
        for (int k = 0; k < layout.Sizes.Count; k++)
            if (layout.Sizes[k] < 1)
                throw new ArgumentException($"The size {layout.Description.Sizes[k]} of {layout.Description.Name} is {layout.Sizes[k]}; the OpenCL kernels need every size ≥ 1.", nameof(model));
        Count = CountChains(layout, initial);
        local = (int)Math.Min(WorkGroupSize, context.Device.MaxWorkGroupSize);
        global = (Count + local - 1L) / local * local;
        program = context.Build(RandomFunctions.Source + model.OpenClSource, BuildOptions(layout));
        var values = new float[model.KernelParameterCount];
        model.CopyKernelParameters(values);
        parameters = Own(context.Upload<float>(values.Length == 0 ? [0f] : values));
        states = layout.States.Select((_, g) => Own(context.Upload(initial[g].Span))).ToArray();
    }

    /// <summary>
    /// Chains per work-group. Every work item holds a model's intermediates in private arrays, and a driver that runs
    /// a work-group's items in lock-step (PoCL vectorises across them) keeps one copy per item: with the driver's
    /// choice of several hundred items, a 784×500 RBM's arrays overflowed PoCL's stack. The global size is padded to a
    /// multiple; the kernels return at once for the padding.
    /// </summary>
    public const int WorkGroupSize = 16;

    /// <summary>The model whose kernels move the chains.</summary>
    public IOpenClModel Model { get; }

    /// <summary>The number of chains.</summary>
    public int Count { get; }

    /// <summary>The compiler options of a model's program: <c>-D EBM_SIZE_k=value</c> per size.</summary>
    /// <param name="layout">The model's layout.</param>
    /// <returns>The options.</returns>
    public static string BuildOptions(ModelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return string.Join(" ", layout.Sizes.Select((v, k) => string.Create(CultureInfo.InvariantCulture, $"-D EBM_SIZE_{k}={v}")));
    }

    /// <summary>
    /// <paramref name="steps"/> ULA moves x ← x − α∇ₓE + √(2α)·z of every chain, clamped to [lower, upper]; move t of
    /// chain c draws from RandomStream(seed, c, firstStep + t) as <see cref="Langevin.Ula"/> does.
    /// </summary>
    /// <param name="stepSize">α &gt; 0, finite.</param>
    /// <param name="steps">Moves, ≥ 0.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="firstStep">The RandomStream step of the first move (continue persistent chains with the previous FirstStep + steps).</param>
    /// <param name="lowerBound">Every unit stays ≥ this (−∞ for none).</param>
    /// <param name="upperBound">Every unit stays ≤ this (+∞ for none).</param>
    /// <exception cref="ArgumentException">The model has a binary group (Langevin moves continuous states only).</exception>
    /// <exception cref="LangevinDivergenceException">A move was not finite; that chain kept its last finite state, the others went on.</exception>
    public void Ula(float stepSize, int steps, ulong seed, long firstStep, float lowerBound, float upperBound)
    {
        CheckLangevin(stepSize, steps, firstStep);
        OpenClKernel kernel = Kernel("ebm_ula_step");
        ResetDiverged();
        int stepArgument = SetMove(kernel, SetCommon(kernel, states), stepSize, lowerBound, upperBound, seed);
        kernel.SetBuffer(stepArgument + 2, diverged!);
        EnqueueMoves(kernel, stepArgument, steps, firstStep);
        ThrowIfDiverged();
    }

    /// <summary>
    /// <paramref name="steps"/> MALA moves of every chain, as <see cref="Langevin.Mala"/>: proposal, energies and the
    /// Metropolis test computed in the kernel (the log-acceptance in double where the device has it).
    /// </summary>
    /// <param name="stepSize">α &gt; 0, finite.</param>
    /// <param name="steps">Moves, ≥ 0.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="firstStep">The RandomStream step of the first move (continue persistent chains with the previous FirstStep + steps).</param>
    /// <param name="lowerBound">Every unit stays ≥ this (−∞ for none); a proposal outside is rejected.</param>
    /// <param name="upperBound">Every unit stays ≤ this (+∞ for none); a proposal outside is rejected.</param>
    /// <returns>The moves accepted by each chain.</returns>
    /// <exception cref="ArgumentException">The model has a binary group, or a chain's energy or gradient is not finite at the start.</exception>
    /// <exception cref="LangevinDivergenceException">A proposal inside the bounds was not finite; it was rejected.</exception>
    public long[] Mala(float stepSize, int steps, ulong seed, long firstStep, float lowerBound, float upperBound)
    {
        CheckLangevin(stepSize, steps, firstStep);
        gradients ??= states.Select(s => Own(context.Allocate<float>(s.Length))).ToArray();
        energies ??= Own(context.Allocate<float>(Count));
        counts ??= Own(context.Allocate<int>(Count));
        counts.Write(new int[Count]);

        OpenClKernel gradient = Kernel("ebm_state_gradient");
        int g = SetCommon(gradient, states);
        foreach (var buffer in gradients)
            gradient.SetBuffer(g++, buffer);
        gradient.SetBuffer(g, energies);
        gradient.Enqueue(global, local);
        float[] e = energies.ToArray();
        float[][] d = gradients.Select(b => b.ToArray()).ToArray();
        for (int c = 0; c < Count; c++)
            if (!float.IsFinite(e[c]) || d.Any(rows => !RowFinite(rows, c)))
                throw new ArgumentException($"The energy or its gradient is NaN or infinite at initial chain {c}.", "initial");

        OpenClKernel kernel = Kernel("ebm_mala_step");
        ResetDiverged();
        int a = SetCommon(kernel, states);
        foreach (var buffer in gradients)
            kernel.SetBuffer(a++, buffer);
        kernel.SetBuffer(a++, energies);
        int stepArgument = SetMove(kernel, a, stepSize, lowerBound, upperBound, seed);
        kernel.SetBuffer(stepArgument + 2, counts);
        kernel.SetBuffer(stepArgument + 3, diverged!);
        EnqueueMoves(kernel, stepArgument, steps, firstStep);
        ThrowIfDiverged();
        return counts.ToArray().Select(n => (long)n).ToArray();
    }

    /// <summary>
    /// <paramref name="sweeps"/> Gibbs sweeps of every chain, as <see cref="GibbsSampler.Run(IGibbsModel, IReadOnlyList{float[]}, GibbsOptions)"/>:
    /// block b of global sweep s draws at step s·blocks + b.
    /// </summary>
    /// <param name="sweeps">Sweeps, ≥ 0.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="firstSweep">The global index of the first sweep (continue persistent chains with the previous firstSweep + sweeps).</param>
    /// <exception cref="ArgumentException">The model has no Gibbs blocks.</exception>
    public void Gibbs(int sweeps, ulong seed, ulong firstSweep)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(sweeps);
        int blocks = Model.Layout.Description.Structure.GibbsBlocks.Count;
        if (blocks == 0)
            throw new ArgumentException(
                $"Model '{Model.Layout.Description.Name}' has no Gibbs blocks: it has no binary group with logits and no Gaussian group (specs/structure.md); sample it with Langevin.",
                nameof(sweeps));
        var block = new OpenClKernel[blocks];
        for (int b = 0; b < blocks; b++)
        {
            block[b] = Kernel("ebm_gibbs_block_" + b.ToString(CultureInfo.InvariantCulture));
            int a = SetCommon(block[b], states);
            block[b].SetULong(a, seed);
        }
        int stepArgument = 2 + states.Length + 1;
        for (int s = 0; s < sweeps; s++)
            for (int b = 0; b < blocks; b++)
            {
                block[b].SetULong(stepArgument, (firstSweep + (ulong)s) * (ulong)blocks + (ulong)b);
                block[b].Enqueue(global, local);
            }
    }

    /// <summary>The energy of every chain, computed on the device.</summary>
    /// <returns>One energy per chain.</returns>
    public float[] Energies()
    {
        ThrowIfDisposed();
        using OpenClBuffer<float> result = context.Allocate<float>(Count);
        OpenClKernel kernel = Kernel("ebm_energy");
        int a = SetCommon(kernel, states);
        kernel.SetBuffer(a, result);
        kernel.Enqueue(global, local);
        return result.ToArray();
    }

    /// <summary>∂E/∂x of every continuous group at every chain, computed on the device.</summary>
    /// <returns>One row-major [chains × size] array per continuous group, in the order of <see cref="ModelLayout.ContinuousStates"/>.</returns>
    /// <exception cref="ArgumentException">The model has no continuous group.</exception>
    public IReadOnlyList<float[]> StateGradients()
    {
        ThrowIfDisposed();
        OpenClKernel kernel = Kernel("ebm_state_gradient");
        var buffers = Model.Layout.ContinuousStates.Select(s => context.Allocate<float>(Count * s.Size)).ToArray();
        using OpenClBuffer<float> values = context.Allocate<float>(Count);
        try
        {
            int a = SetCommon(kernel, states);
            foreach (var buffer in buffers)
                kernel.SetBuffer(a++, buffer);
            kernel.SetBuffer(a, values);
            kernel.Enqueue(global, local);
            return Array.AsReadOnly(buffers.Select(b => b.ToArray()).ToArray());
        }
        finally
        {
            foreach (var buffer in buffers)
                buffer.Dispose();
        }
    }

    /// <summary>Copies the chains back: one row-major [chains × size] array per state group, in the order of <see cref="ModelLayout.States"/>.</summary>
    /// <returns>New arrays.</returns>
    public IReadOnlyList<float[]> ReadStates()
    {
        ThrowIfDisposed();
        return Array.AsReadOnly(states.Select(s => s.ToArray()).ToArray());
    }

    /// <summary>Waits for the queue, then frees the buffers and kernels of this batch (the program stays with the context).</summary>
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        context.Finish();
        foreach (var kernel in kernels.Values)
            kernel.Dispose();
        foreach (var item in owned)
            item.Dispose();
    }

    private T Own<T>(T item) where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    private OpenClKernel Kernel(string name)
    {
        if (!kernels.TryGetValue(name, out OpenClKernel? kernel))
        {
            if (!program.KernelNames.Contains(name))
                throw new ArgumentException(name switch
                {
                    "ebm_ula_step" or "ebm_mala_step" or "ebm_state_gradient" =>
                        $"{Model.Layout.Description.Name} has no Langevin kernels: Langevin dynamics moves continuous states only, and its groups are ({string.Join(", ", Model.Layout.States.Select(s => $"{s.Name}: {s.Kind}"))}); sample binary groups by Gibbs sampling.",
                    _ => $"{Model.Layout.Description.Name} has no kernel {name}; it has {string.Join(", ", program.KernelNames)}.",
                }, nameof(name));
            kernels[name] = kernel = program.CreateKernel(name);
        }
        return kernel;
    }

    /// <summary>Sets the parameters, the chain count and the given state buffers; returns the next argument's index.</summary>
    private int SetCommon(OpenClKernel kernel, OpenClBuffer<float>[] rows)
    {
        kernel.SetBuffer(0, parameters);
        kernel.SetInt(1, Count);
        for (int g = 0; g < rows.Length; g++)
            kernel.SetBuffer(2 + g, rows[g]);
        return 2 + rows.Length;
    }

    /// <summary>Sets α, the noise scale √(2α) (in double, rounded once, as the CPU), the bounds and the seed from argument
    /// <paramref name="a"/>; returns the index of the step argument, which the move number follows.</summary>
    private static int SetMove(OpenClKernel kernel, int a, float stepSize, float lowerBound, float upperBound, ulong seed)
    {
        kernel.SetFloat(a++, stepSize);
        kernel.SetFloat(a++, (float)Math.Sqrt(2.0 * stepSize));
        kernel.SetFloat(a++, lowerBound);
        kernel.SetFloat(a++, upperBound);
        kernel.SetULong(a++, seed);
        return a;
    }

    /// <summary>One launch per move: move t draws at step firstStep + t and is numbered t + 1 for the divergence report.</summary>
    private void EnqueueMoves(OpenClKernel kernel, int stepArgument, int steps, long firstStep)
    {
        for (int t = 0; t < steps; t++)
        {
            kernel.SetULong(stepArgument, (ulong)(firstStep + t));
            kernel.SetInt(stepArgument + 1, t + 1);
            kernel.Enqueue(global, local);
        }
    }

    private void CheckLangevin(float stepSize, int steps, long firstStep)
    {
        ThrowIfDisposed();
        if (!(stepSize > 0 && float.IsFinite(stepSize)))
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "The step size α must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        StateLayout? binary = Model.Layout.States.FirstOrDefault(s => s.Kind != StateKind.Continuous);
        if (binary is not null)
            throw new ArgumentException(
                $"{Model.Layout.Description.Name} has the binary group '{binary.Name}': Langevin dynamics moves continuous states only; sample binary groups by Gibbs sampling.",
                nameof(stepSize));
    }

    private void ResetDiverged()
    {
        diverged ??= Own(context.Allocate<int>(Count));
        diverged.Write(new int[Count]);
    }

    private void ThrowIfDiverged()
    {
        int[] moves = diverged!.ToArray();
        int chain = -1;
        for (int c = 0; c < moves.Length; c++)
            if (moves[c] > 0 && (chain < 0 || moves[c] < moves[chain]))
                chain = c;
        if (chain >= 0)
            throw new LangevinDivergenceException(moves[chain], chain, ReadStates());
    }

    private bool RowFinite(float[] rows, int c)
    {
        int size = rows.Length / Count;
        foreach (float v in rows.AsSpan(c * size, size))
            if (!float.IsFinite(v))
                return false;
        return true;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    private static int CountChains(ModelLayout layout, IReadOnlyList<ReadOnlyMemory<float>> initial)
    {
        if (initial.Count != layout.States.Count)
            throw new ArgumentException($"Expected one batch per state group ({layout.States.Count}) but got {initial.Count}.", nameof(initial));
        int size0 = layout.States[0].Size;
        if (initial[0].Length % size0 != 0 || initial[0].Length == 0)
            throw new ArgumentException($"Group '{layout.States[0].Name}' holds {initial[0].Length} values, not a positive whole number of rows of {size0}.", nameof(initial));
        int chains = initial[0].Length / size0;
        for (int g = 0; g < initial.Count; g++)
            if (initial[g].Length != chains * layout.States[g].Size)
                throw new ArgumentException(
                    $"Group '{layout.States[g].Name}' holds {initial[g].Length} values but {chains} chains of size {layout.States[g].Size} need {chains * layout.States[g].Size}.", nameof(initial));
        return chains;
    }
}
