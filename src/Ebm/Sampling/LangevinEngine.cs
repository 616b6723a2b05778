using System.Runtime.CompilerServices;
using System.Buffers;
using Ebm.Rng;

namespace Ebm.Sampling;

/// <summary>The settings every Langevin variant shares, after validation.</summary>
internal sealed record LangevinSettings(
    ulong Seed, long FirstStep, float MaxDriftNorm, float LowerBound, float UpperBound, int RecordEvery, int MaxDegreeOfParallelism);

/// <summary>
/// The batched move loop behind <see cref="Langevin"/>. Chains are cut into chunks of a fixed size (not a size
/// that depends on the thread count), each chunk is one StateGradient call, and chain c's draws at move t come from
/// RandomStream(seed, c, firstStep + t): normals on units 0 … D − 1 (D = all continuous units of a chain, groups in
/// order), MALA's accept uniform on unit D rounded up to even, which no normal shares. So every chain's path is a
/// function of (seed, c, t) only, whatever the threads do.
/// </summary>
internal sealed class LangevinEngine
{
    /// <summary>Chains per StateGradient call: big enough to amortise the call, small enough to share 2–16 cores.</summary>
    internal const int ChunkSize = 256;

    private readonly int[] _sizes;
    private readonly int[] _offsets;
    private readonly int _units;
    private readonly int _chains;
    private readonly LangevinSettings _settings;
    private readonly int _chunks;
    // Two state buffers, so that a move reads one and writes the other and a diverging move leaves the old intact.
    private readonly float[][][] _x = new float[2][][];
    private readonly float[][][] _g = new float[2][][];
    private readonly float[][] _e = new float[2][];
    private readonly ReadOnlyMemory<float>[][][] _xChunk = new ReadOnlyMemory<float>[2][][];
    private readonly Memory<float>[][][] _gChunk = new Memory<float>[2][][];
    private int _current;

    public LangevinEngine(IReadOnlyList<int> sizes, IReadOnlyList<ReadOnlyMemory<float>> initial, LangevinSettings settings, string argumentName)
    {
        _sizes = sizes.ToArray();
        _offsets = new int[_sizes.Length];
        for (int g = 1; g < _sizes.Length; g++)
            _offsets[g] = _offsets[g - 1] + _sizes[g - 1];
        _units = _sizes.Sum();
        _settings = settings;
        _chains = CountChains(_sizes, initial, argumentName);
        _chunks = (_chains + ChunkSize - 1) / ChunkSize;
        for (int b = 0; b < 2; b++)
        {
            _x[b] = _sizes.Select(s => new float[_chains * s]).ToArray();
            _g[b] = _sizes.Select(s => new float[_chains * s]).ToArray();
            _e[b] = new float[_chains];
            _xChunk[b] = new ReadOnlyMemory<float>[_chunks][];
            _gChunk[b] = new Memory<float>[_chunks][];
            for (int k = 0; k < _chunks; k++)
            {
                (int first, int count) = Chunk(k);
                _xChunk[b][k] = _x[b].Select((a, g) => new ReadOnlyMemory<float>(a, first * _sizes[g], count * _sizes[g])).ToArray();
                _gChunk[b][k] = _g[b].Select((a, g) => new Memory<float>(a, first * _sizes[g], count * _sizes[g])).ToArray();
            }
        }
        for (int g = 0; g < _sizes.Length; g++)
        {
            initial[g].Span.CopyTo(_x[0][g]);
            int bad = FirstNonFinite(_x[0][g]);
            if (bad >= 0)
                throw new ArgumentException($"Initial state group {g} holds a NaN or infinite value at chain {bad / Math.Max(1, _sizes[g])}.", argumentName);
        }
    }

    public int Chains => _chains;

    private long _moves;
    private long _gradientEvaluations;
    private readonly List<LangevinSample> _recorded = [];

    /// <summary><paramref name="steps"/> unadjusted moves with step α on <paramref name="field"/>.</summary>
    public void Unadjusted(GradientField field, float alpha, int steps)
    {
        float noise = (float)Math.Sqrt(2.0 * alpha);
        var bad = new int[_chunks];
        for (int s = 0; s < steps; s++)
        {
            int from = _current, to = 1 - _current;
            ulong step = (ulong)(_settings.FirstStep + _moves);
            Parallelism.For(0, _chunks, _settings.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (k) =>
            {
                (int first, int count) = Chunk(k);
                field.Evaluate(_xChunk[from][k], _gChunk[from][k], _e[from].AsSpan(first, count));
                float[] z = ArrayPool<float>.Shared.Rent(Math.Max(count * _units, 1));
                Normals(first, step, z.AsSpan(0, count * _units));
                bad[k] = -1;
                if (_sizes.Length == 1 && float.IsPositiveInfinity(_settings.MaxDriftNorm))
                {
                    // One group and no clipping: the chunk's rows are contiguous in x, ∇E and z alike.
                    int n = _sizes[0];
                    int at = UlaMove.Apply(_x[from][0].AsSpan(first * n, count * n), _g[from][0].AsSpan(first * n, count * n),
                        z.AsSpan(0, count * n), alpha, noise, _settings.LowerBound, _settings.UpperBound, _x[to][0].AsSpan(first * n, count * n));
                    bad[k] = at < 0 ? -1 : first + at / n;
                    ArrayPool<float>.Shared.Return(z);
                    return;
                }
                for (int c = first; c < first + count; c++)
                {
                    int zRow = (c - first) * _units;
                    float clip = Clip(_g[from], c, alpha);
                    bool finite = true;
                    for (int g = 0; g < _sizes.Length; g++)
                    {
                        int n = _sizes[g], row = c * n;
                        float[] x = _x[from][g], grad = _g[from][g], y = _x[to][g];
                        for (int i = 0; i < n; i++)
                        {
                            float v = x[row + i] - clip * alpha * grad[row + i] + noise * z[zRow + _offsets[g] + i];
                            v = Math.Clamp(v, _settings.LowerBound, _settings.UpperBound);
                            y[row + i] = v;
                            finite &= float.IsFinite(v);
                        }
                    }
                    if (!finite && bad[k] < 0)
                        bad[k] = c;
                }
                ArrayPool<float>.Shared.Return(z);
            });
            _moves++;
            _gradientEvaluations += _chains;
            ThrowIfDiverged(bad, from);
            _current = to;
            Record();
        }
    }

    /// <summary>
    /// <paramref name="steps"/> Metropolis-adjusted moves: propose as ULA (without clamping), accept with
    /// log a = −E(y) + E(x) − (‖x − y − d(y)‖² − ‖y − x − d(x)‖²)/(4α), d the (clipped) drift, in double.
    /// </summary>
    public void Adjusted(GradientField field, float alpha, int steps, long[] accepted)
    {
        float noise = (float)Math.Sqrt(2.0 * alpha);
        int from = _current, to = 1 - _current;
        Parallelism.For(0, _chunks, _settings.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (k) =>
        {
            (int first, int count) = Chunk(k);
            field.Evaluate(_xChunk[from][k], _gChunk[from][k], _e[from].AsSpan(first, count));
        });
        _gradientEvaluations += _chains;
        for (int c = 0; c < _chains; c++)
            if (!RowFinite(_g[from], c) || !float.IsFinite(_e[from][c]))
                throw new ArgumentException($"The energy or its gradient is NaN or infinite at initial chain {c}.", "initial");

        uint acceptUnit = (uint)(_units + (_units & 1));
        var bad = new int[_chunks];
        var take = new bool[_chains];
        for (int s = 0; s < steps; s++)
        {
            ulong step = (ulong)(_settings.FirstStep + _moves);
            Parallelism.For(0, _chunks, _settings.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (k) =>
            {
                (int first, int count) = Chunk(k);
                float[] z = ArrayPool<float>.Shared.Rent(Math.Max(count * _units, 1));
                Normals(first, step, z.AsSpan(0, count * _units));
                Span<bool> inBox = stackalloc bool[ChunkSize];
                for (int c = first; c < first + count; c++)
                {
                    int zRow = (c - first) * _units;
                    float clip = Clip(_g[from], c, alpha);
                    bool inside = true;
                    for (int g = 0; g < _sizes.Length; g++)
                    {
                        int n = _sizes[g], row = c * n;
                        float[] x = _x[from][g], grad = _g[from][g], y = _x[to][g];
                        for (int i = 0; i < n; i++)
                        {
                            float v = x[row + i] - clip * alpha * grad[row + i] + noise * z[zRow + _offsets[g] + i];
                            y[row + i] = v;
                            inside &= v >= _settings.LowerBound && v <= _settings.UpperBound;
                        }
                    }
                    inBox[c - first] = inside;
                }
                ArrayPool<float>.Shared.Return(z);

                field.Evaluate(_xChunk[to][k], _gChunk[to][k], _e[to].AsSpan(first, count));
                bad[k] = -1;
                for (int c = first; c < first + count; c++)
                {
                    take[c] = false;
                    bool finite = RowFinite(_x[to], c);
                    // Outside the box the target is zero: a sure rejection, whatever the model says there.
                    if (finite && !inBox[c - first])
                        continue;
                    if (!finite || !RowFinite(_g[to], c) || !float.IsFinite(_e[to][c]))
                    {
                        if (bad[k] < 0)
                            bad[k] = c;
                        continue;
                    }
                    double logA = LogAcceptance(c, from, to, alpha);
                    double u = new RandomStream(_settings.Seed, (uint)c, step).Uniform(acceptUnit);
                    take[c] = Math.Log(u) <= logA;
                }
            });
            _moves++;
            _gradientEvaluations += _chains;
            ThrowIfDiverged(bad, from);
            for (int c = 0; c < _chains; c++)
            {
                if (!take[c])
                    continue;
                accepted[c]++;
                for (int g = 0; g < _sizes.Length; g++)
                {
                    int n = _sizes[g];
                    Array.Copy(_x[to][g], c * n, _x[from][g], c * n, n);
                    Array.Copy(_g[to][g], c * n, _g[from][g], c * n, n);
                }
                _e[from][c] = _e[to][c];
            }
            Record();
        }
    }

    public LangevinResult Result(IReadOnlyList<long> accepted, long proposed)
    {
        long total = accepted.Sum();
        double rate = proposed == 0 || _chains == 0 ? double.NaN : (double)total / ((double)proposed * _chains);
        return new LangevinResult(Snapshot(), _recorded.AsReadOnly(), accepted, proposed, rate, _gradientEvaluations);
    }

    private double LogAcceptance(int c, int from, int to, float alpha)
    {
        float clipX = Clip(_g[from], c, alpha), clipY = Clip(_g[to], c, alpha);
        double forward = 0, backward = 0;
        for (int g = 0; g < _sizes.Length; g++)
        {
            int n = _sizes[g], row = c * n;
            float[] x = _x[from][g], y = _x[to][g], gx = _g[from][g], gy = _g[to][g];
            for (int i = 0; i < n; i++)
            {
                // y − x − d(x) and x − y − d(y), with d = −clip·α·∇E.
                double f = (double)y[row + i] - x[row + i] + (double)clipX * alpha * gx[row + i];
                double b = (double)x[row + i] - y[row + i] + (double)clipY * alpha * gy[row + i];
                forward += f * f;
                backward += b * b;
            }
        }
        return -(double)_e[to][c] + _e[from][c] - (backward - forward) / (4.0 * alpha);
    }

    /// <summary>RandomStream(seed, c, step).Normal(u) for the chunk's chains c, rows of D units; across chains in SIMD lanes.</summary>
    private void Normals(int first, ulong step, Span<float> z)
    {
        if (_units > 0)
            RandomStreams.FillNormal(_settings.Seed, (uint)first, step, _units, z);
    }

    /// <summary>The factor that brings chain c's drift −α∇E down to MaxDriftNorm (1 when it is within it).</summary>
    private float Clip(float[][] gradients, int c, float alpha)
    {
        if (float.IsPositiveInfinity(_settings.MaxDriftNorm))
            return 1f;
        double norm2 = 0;
        for (int g = 0; g < _sizes.Length; g++)
        {
            int n = _sizes[g];
            foreach (float v in gradients[g].AsSpan(c * n, n))
                norm2 += (double)v * v;
        }
        double norm = alpha * Math.Sqrt(norm2);
        return norm > _settings.MaxDriftNorm ? (float)(_settings.MaxDriftNorm / norm) : 1f;
    }

    private bool RowFinite(float[][] buffers, int c)
    {
        for (int g = 0; g < _sizes.Length; g++)
        {
            int n = _sizes[g];
            foreach (float v in buffers[g].AsSpan(c * n, n))
                if (!float.IsFinite(v))
                    return false;
        }
        return true;
    }

    private void ThrowIfDiverged(int[] bad, int from)
    {
        int chain = bad.Where(b => b >= 0).DefaultIfEmpty(-1).Min();
        if (chain >= 0)
            throw new LangevinDivergenceException(_moves, chain, Array.AsReadOnly(_x[from].Select(a => (float[])a.Clone()).ToArray()));
    }

    private void Record()
    {
        if (_settings.RecordEvery > 0 && _moves % _settings.RecordEvery == 0)
            _recorded.Add(new LangevinSample(_moves, Snapshot()));
    }

    private IReadOnlyList<float[]> Snapshot() => Array.AsReadOnly(_x[_current].Select(a => (float[])a.Clone()).ToArray());


    private (int First, int Count) Chunk(int k) => (k * ChunkSize, Math.Min(ChunkSize, _chains - k * ChunkSize));

    private static int FirstNonFinite(float[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                return i;
        return -1;
    }

    private static int CountChains(int[] sizes, IReadOnlyList<ReadOnlyMemory<float>> initial, string argumentName)
    {
        if (initial.Count != sizes.Length)
            throw new ArgumentException($"Expected one initial batch per continuous group ({sizes.Length}) but got {initial.Count}.", argumentName);
        int units = sizes.Sum();
        if (units == 0)
            throw new ArgumentException("The model has no continuous units to move.", argumentName);
        int g0 = Array.FindIndex(sizes, s => s > 0);
        if (initial[g0].Length % sizes[g0] != 0)
            throw new ArgumentException($"Initial group {g0} holds {initial[g0].Length} values, not a whole number of rows of {sizes[g0]}.", argumentName);
        int chains = initial[g0].Length / sizes[g0];
        for (int g = 0; g < sizes.Length; g++)
            if (initial[g].Length != chains * sizes[g])
                throw new ArgumentException(
                    $"Initial group {g} holds {initial[g].Length} values but {chains} chains of size {sizes[g]} need {chains * sizes[g]}.", argumentName);
        if (chains == 0)
            throw new ArgumentException("There are no chains: the initial states are empty.", argumentName);
        return chains;
    }
}
