using Ebm.Contrastive;
using Ebm.Data;
using Ebm.Models;

namespace Ebm.Tests.Contrastive;

/// <summary>Where the short-run chains start: the replay buffer with its fresh restarts, and persistent chains.</summary>
public sealed class ReplayBufferTests
{
    private static MlpEnergy.Model Mlp(ulong seed) => MlpEnergy.Create(MlpEnergy.Parameters.Create(x: 2, W1Rows: 8, W2Rows: 8, seed: seed));

    /// <remarks>
    /// 40 updates of 1,000 chains are 40,000 independent restart draws of probability 0.05: the fraction's standard
    /// error is √(0.05·0.95/40,000) = 0.0011, so ±0.0045 is 4 standard errors.
    /// </remarks>
    [Fact]
    public void FreshChainsAreTheReinitFractionAndTheRestComeFromTheBuffer()
    {
        var options = new ContrastiveOptions(1, 100, 0.01f, 7) { Chains = 1000, BufferSize = 300, InitLower = 2, InitUpper = 3 };
        var chains = new NegativeChains(2, options);
        float[] buffer = (float[])chains.States.Clone();
        Assert.All(buffer, v => Assert.InRange(v, 2f, 3f));
        var start = new float[1000 * 2];
        long fresh = 0;
        for (int u = 0; u < 40; u++)
        {
            int count = chains.Start(u, start);
            Assert.Equal(chains.StartedFresh.Count(f => f), count);
            fresh += count;
            for (int j = 0; j < 1000; j++)
            {
                float x = start[2 * j], y = start[2 * j + 1];
                Assert.InRange(x, 2f, 3f);
                Assert.InRange(y, 2f, 3f);
                if (!chains.StartedFresh[j])
                    Assert.True(Enumerable.Range(0, 300).Any(s => buffer[2 * s] == x && buffer[2 * s + 1] == y), $"chain {j} of update {u} starts outside the buffer");
            }
            // Move every chain off the box so that a later start from the buffer shows the write-back.
            for (int k = 0; k < start.Length; k++)
                start[k] += 10;
            chains.Store(start);
            buffer = (float[])chains.States.Clone();
            Assert.All(buffer, v => Assert.True(v is >= 2f and <= 3f or >= 12f and <= 13f));
            for (int k = 0; k < buffer.Length; k++)
                if (buffer[k] > 10)
                    buffer[k] -= 10;
            chains.States.AsSpan().Clear();
            buffer.CopyTo(chains.States, 0);
        }
        Assert.InRange(fresh / 40_000.0, 0.05 - 0.0045, 0.05 + 0.0045);
    }

    [Fact]
    public void TheTrainersHistoryCountsTheFreshChains()
    {
        Dataset data = Toy2D.Mixture8(400, 1);
        var options = new ContrastiveOptions(3, 100, 1e-3f, 5) { LangevinSteps = 2, Chains = 500, ReinitFraction = 0.2f, InitLower = -6, InitUpper = 6 };
        ContrastiveResult result = ContrastiveTrainer.Train(Mlp(1), data, options);
        long fresh = result.History.Sum(r => r.FreshChains), all = result.History.Sum(r => r.Chains);
        Assert.Equal(3 * 4 * 500, all);
        // 6,000 draws of probability 0.2: standard error 0.0052; 4 of them.
        Assert.InRange(fresh / (double)all, 0.2 - 0.021, 0.2 + 0.021);
        Assert.Equal(10_000 * 2, result.Chains.Length);
    }

    /// <remarks>
    /// Update u's move k is keyed by step u·K + k, so persistent chains carried through two updates of K moves (with the
    /// model held fixed) are one run of 2K moves from the same start, bit for bit.
    /// </remarks>
    [Fact]
    public void PersistentChainsCarryTheirStatesFromUpdateToUpdate()
    {
        const int k = 5, m = 130;
        var model = Mlp(2);
        var options = new ContrastiveOptions(1, m, 0.01f, 9) { Persistent = true, LangevinSteps = k, StepSize = 0.05f, InitLower = -3, InitUpper = 3 };
        var chains = new NegativeChains(2, options);
        float[] initial = (float[])chains.States.Clone();
        var negatives = new float[m * 2];
        for (int u = 0; u < 2; u++)
        {
            Assert.Equal(0, chains.Start(u, negatives));
            if (u == 1)
                Assert.Equal(chains.States, negatives);
            Assert.Equal(-1, ShortRunLangevin.Run(model, negatives, m, 2, 77, u * k, k, options.StepSize, options.NoiseScale, float.NegativeInfinity, float.PositiveInfinity, -1));
            chains.Store(negatives);
        }
        float[] once = (float[])initial.Clone();
        ShortRunLangevin.Run(model, once, m, 2, 77, 0, 2 * k, options.StepSize, options.NoiseScale, float.NegativeInfinity, float.PositiveInfinity, -1);
        Assert.Equal(once, chains.States);
        Assert.NotEqual(initial, chains.States);
    }

    [Fact]
    public void PersistentTrainingReturnsItsChains()
    {
        Dataset data = Toy2D.Mixture8(300, 1);
        var options = new ContrastiveOptions(2, 100, 1e-3f, 5) { LangevinSteps = 3, Persistent = true, Chains = 64, InitLower = -6, InitUpper = 6 };
        ContrastiveResult result = ContrastiveTrainer.Train(Mlp(1), data, options);
        Assert.Equal(64 * 2, result.Chains.Length);
        Assert.All(result.History, r => Assert.Equal(0, r.FreshChains));
        // Six updates of three moves of step 0.01 move a chain by about √(2·0.01·18) ≈ 0.6: no chain is where it started.
        var start = new NegativeChains(2, options).States;
        Assert.All(Enumerable.Range(0, 64), j => Assert.True(start[2 * j] != result.Chains[2 * j] || start[2 * j + 1] != result.Chains[2 * j + 1]));
    }

    [Fact]
    public void TheShortRunMoveIsTheDriftPlusScaledNoiseClampedToTheBox()
    {
        // One move by hand: x − α∇E + √(2α)·s·z with z = RandomStream(seed, chain, step).Normal(unit), then the clamp.
        var model = Mlp(3);
        float[] x = [0.5f, -0.25f, 1.5f, 2.5f];
        float[] moved = (float[])x.Clone();
        const float alpha = 0.1f, scale = 0.3f;
        ShortRunLangevin.Run(model, moved, 2, 2, 41, 6, 1, alpha, scale, -1f, 2f, 1);
        var gradient = new float[4];
        model.StateGradient(x, gradient, new float[2]);
        float noise = (float)(Math.Sqrt(2.0 * alpha) * scale);
        for (int j = 0; j < 2; j++)
            for (int i = 0; i < 2; i++)
            {
                float z = new Ebm.Rng.RandomStream(41, (uint)j, 6).Normal((uint)i);
                Assert.Equal(Math.Clamp(x[2 * j + i] - alpha * gradient[2 * j + i] + noise * z, -1f, 2f), moved[2 * j + i], 1e-6f);
            }
    }
}
