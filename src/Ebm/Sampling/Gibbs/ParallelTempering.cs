using Ebm.Rng;

namespace Ebm.Sampling;

/// <summary>
/// Parallel tempering (replica exchange) for binary models: each chain runs K replicas at inverse temperatures
/// β₀ = 1 &gt; … &gt; β_{K−1}, each a Gibbs sampler of e^(−β_k·E), and neighbours swap states with probability
/// min(1, e^((β_k − β_{k+1})(E_k − E_{k+1}))) (specs/samplers.md, "Gibbs and parallel tempering").
/// </summary>
public static class ParallelTempering
{
    /// <summary>
    /// Runs the sweeps. Replica k's conditionals are the model's logits times β_k — the tempered
    /// conditional of β·E has logits β·(E(u=0) − E(u=1)) — so β_k multiplies the whole energy, including any
    /// inverse temperature the model declares itself. Sweep t proposes swaps between replicas k and k + 1 for
    /// every k of the parity of t, alternating even and odd pairs.
    /// </summary>
    /// <param name="model">A model whose Gibbs blocks hold binary groups only.</param>
    /// <param name="replicaStates">Every replica's starting state, rows chain-major (see <see cref="ParallelTemperingResult.Replicas"/>); <see cref="Replicate"/> makes them from one state per chain. Not modified.</param>
    /// <param name="options">Inverse temperatures, sweeps, seed, recording.</param>
    /// <returns>The replicas, replica 0's states and samples, and the swap acceptance rates.</returns>
    /// <exception cref="ArgumentException">The model has a Gaussian group or no blocks; the inverse temperatures are not 1 = β₀ &gt; β₁ &gt; … ≥ 0; the states do not match the model or are not a whole number of chains.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative sweeps, burn-in or recording interval.</exception>
    public static ParallelTemperingResult Run(IGibbsModel model, IReadOnlyList<float[]> replicaStates, ParallelTemperingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Sweeps, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.BurnIn, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RecordEvery, nameof(options));
        IReadOnlyList<GibbsBlockSlots> blocks = GibbsSchedule.Of(model);
        if (model.Structure.GaussianGroups.Count > 0)
            throw new ArgumentException(
                $"Parallel tempering here is for binary models; '{model.Layout.Description.Name}' has Gaussian groups ({string.Join(", ", model.Structure.GaussianGroups)}).",
                nameof(model));
        float[] betas = RequireBetas(options.Betas);
        int replicas = betas.Length;
        int rows = ChainBatch.Rows(model, replicaStates, nameof(replicaStates));
        if (rows % replicas != 0)
            throw new ArgumentException($"{rows} rows are not a whole number of chains of {replicas} replicas (one per inverse temperature).", nameof(replicaStates));
        int chains = rows / replicas;
        float[][] states = ChainBatch.Copy(replicaStates);
        var recorder = new SampleRecorder(model, chains, options.Sweeps, options.BurnIn, options.RecordEvery);

        // Whole chains per chunk, so that swaps stay within a chunk; a fixed count for the reason of GibbsSampler.ChunkRows.
        int chainsPerChunk = Math.Max(1, GibbsSampler.ChunkRows / replicas);
        var workers = Enumerable.Range(0, (chains + chainsPerChunk - 1) / chainsPerChunk)
            .Select(k =>
            {
                int first = k * chainsPerChunk, count = Math.Min(chainsPerChunk, chains - first);
                float[] rowBetas = Enumerable.Range(0, count * replicas).Select(r => betas[r % replicas]).ToArray();
                return new Worker(model, new GibbsChunk(model, blocks, options.Seed, states, first * replicas, count * replicas, rowBetas), betas, first, count);
            })
            .ToArray();
        ulong stepsPerSweep = (ulong)blocks.Count + 1;
        Parallelism.ForEach(workers, options.MaxDegreeOfParallelism, w =>
        {
            for (int s = 1; s <= options.Sweeps; s++)
            {
                ulong sweep = options.FirstSweep + (ulong)(s - 1);
                w.Chunk.Sweep(sweep * stepsPerSweep);
                w.Swap(options.Seed, sweep, sweep * stepsPerSweep + (ulong)blocks.Count);
                recorder.Record(s, w.Chunk, w.FirstChain, w.Chains, 0, replicas);
            }
        });

        var rates = new double[replicas - 1];
        for (int k = 0; k < rates.Length; k++)
        {
            long proposed = workers.Sum(w => w.Proposed[k]), accepted = workers.Sum(w => w.Accepted[k]);
            rates[k] = proposed == 0 ? double.NaN : (double)accepted / proposed;
        }
        float[][] coldest = ChainBatch.Rows(model, states, c => c * replicas, chains);
        return new ParallelTemperingResult(states, coldest, recorder.Samples, rates, options.FirstSweep + (ulong)options.Sweeps);
    }

    /// <summary>Starting states for <see cref="Run"/>: each chain's row repeated once per replica.</summary>
    /// <param name="model">The model.</param>
    /// <param name="states">One row per chain and group.</param>
    /// <param name="replicas">The number of inverse temperatures.</param>
    /// <returns>Rows chain-major: chain c's state at rows c·replicas … c·replicas + replicas − 1.</returns>
    public static IReadOnlyList<float[]> Replicate(IEnergyModel model, IReadOnlyList<float[]> states, int replicas)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        int chains = ChainBatch.Rows(model, states, nameof(states));
        return ChainBatch.Rows(model, states, r => r / replicas, chains * replicas);
    }

    private static float[] RequireBetas(IReadOnlyList<float> betas)
    {
        float[] b = betas.ToArray();
        bool valid = b.Length >= 1 && b[0] == 1f && b.All(x => x >= 0 && float.IsFinite(x));
        for (int k = 1; k < b.Length && valid; k++)
            valid = b[k] < b[k - 1];
        if (!valid)
            throw new ArgumentException(
                $"The inverse temperatures must be 1 = β₀ > β₁ > … ≥ 0 so that replica 0 samples the model; got [{string.Join(", ", b)}].",
                nameof(betas));
        return b;
    }

    /// <summary>A chunk of whole chains with its swap statistics.</summary>
    private sealed class Worker(IGibbsModel model, GibbsChunk chunk, float[] betas, int firstChain, int chains)
    {
        private readonly float[] energies = new float[chunk.Count];

        public GibbsChunk Chunk => chunk;
        public int FirstChain => firstChain;
        public int Chains => chains;
        public long[] Proposed { get; } = new long[betas.Length - 1];
        public long[] Accepted { get; } = new long[betas.Length - 1];

        // Swap pairs of one parity are disjoint, so each proposal sees energies no other swap of the sweep changed.
        // The uniform is unit 0 of the lower replica's stream at the swap step: no Gibbs update uses that step.
        public void Swap(ulong seed, ulong sweep, ulong step)
        {
            int replicas = betas.Length;
            if (replicas < 2)
                return;
            model.Energy(chunk.States, energies);
            for (int c = 0; c < chains; c++)
                for (int k = (int)(sweep & 1); k + 1 < replicas; k += 2)
                {
                    int a = c * replicas + k;
                    double delta = ((double)betas[k] - betas[k + 1]) * ((double)energies[a] - energies[a + 1]);
                    Proposed[k]++;
                    float u = new RandomStream(seed, (uint)(chunk.FirstRow + a), step).Uniform(0);
                    if (delta >= 0 || u <= Math.Exp(delta))
                    {
                        Accepted[k]++;
                        for (int g = 0; g < model.Layout.States.Count; g++)
                        {
                            int size = model.Layout.States[g].Size;
                            Span<float> rows = chunk.Rows(g).Span;
                            Span<float> x = rows.Slice(a * size, size), y = rows.Slice((a + 1) * size, size);
                            for (int i = 0; i < size; i++)
                                (x[i], y[i]) = (y[i], x[i]);
                        }
                    }
                }
        }
    }
}
