using Ebm.Models;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>Optimiser steps against their closed forms for a constant gradient.</summary>
public sealed class OptimizerTests
{
    private static readonly ModelLayout Layout = BernoulliRbm.Parameters.Create(v: 3, h: 2, seed: 1).Layout;   // W 6, b 3, c 2

    private static float[] Run(TrainingOptions options, float[] theta, float[] gradient, int steps, float rate)
    {
        var state = new OptimizerState(Layout, options);
        for (int t = 0; t < steps; t++)
            state.Step(theta, (float[])gradient.Clone(), rate, theta);
        return theta;
    }

    private static float[] Constant(float value) => Enumerable.Repeat(value, Layout.ParameterCount).ToArray();

    [Fact]
    public void SgdWithMomentumSumsAGeometricSeries()
    {
        const float mu = 0.9f, rate = 0.01f, g = 0.5f;
        const int steps = 20;
        float[] theta = Run(new TrainingOptions(1, 1, rate, 1) { Momentum = mu }, Constant(1f), Constant(g), steps, rate);
        // b_t = g(1 − μ^t)/(1 − μ), θ_n = θ₀ − η Σ_t b_t
        double moved = Enumerable.Range(1, steps).Sum(t => g * (1 - Math.Pow(mu, t)) / (1 - mu)) * rate;
        Assert.All(theta, x => Assert.Equal(1 - moved, x, 1e-5));
    }

    [Fact]
    public void PlainSgdStepsAlongTheGradient()
    {
        float[] theta = Run(new TrainingOptions(1, 1, 0.1f, 1), Constant(2f), Constant(-3f), 4, 0.1f);
        Assert.All(theta, x => Assert.Equal(2 + 4 * 0.3, x, 1e-5));
    }

    [Fact]
    public void WeightDecayShrinksOnlyTheMatrices()
    {
        const float rate = 0.1f, decay = 0.5f;
        float[] theta = Run(new TrainingOptions(1, 1, rate, 1) { WeightDecay = decay }, Constant(1f), Constant(0f), 3, rate);
        ParameterLayout w = Layout.Parameter("W");
        for (int i = 0; i < theta.Length; i++)
            Assert.Equal(i >= w.Offset && i < w.Offset + w.Length ? Math.Pow(1 - rate * decay, 3) : 1, theta[i], 1e-6);
    }

    [Fact]
    public void AdamMovesEachStepByTheRateForAConstantGradient()
    {
        // With a constant g the bias-corrected moments are exactly g and g², so every step is η·g/(|g| + ε).
        const float rate = 0.001f;
        float[] gradient = [.. Enumerable.Range(0, Layout.ParameterCount).Select(i => (i % 2 == 0 ? 1 : -1) * (0.01f + i))];
        float[] theta = Run(new TrainingOptions(1, 1, rate, 1) { Optimizer = OptimizerKind.Adam }, Constant(0f), gradient, 10, rate);
        for (int i = 0; i < theta.Length; i++)
            Assert.Equal(-10 * rate * gradient[i] / (Math.Abs(gradient[i]) + 1e-8), theta[i], 1e-6);
    }

    [Fact]
    public void AdamsFirstStepsFollowTheRecurrence()
    {
        // Two different gradients: m₂ = β₁(1−β₁)g₁ + (1−β₁)g₂, v₂ likewise with squares, corrections 1 − β².
        var options = new TrainingOptions(1, 1, 0.01f, 1) { Optimizer = OptimizerKind.Adam };
        var state = new OptimizerState(Layout, options);
        float[] theta = Constant(0f);
        state.Step(theta, Constant(1f), 0.01f, theta);
        state.Step(theta, Constant(3f), 0.01f, theta);
        double m = 0.9 * 0.1 * 1 + 0.1 * 3, v = 0.999 * 0.001 * 1 + 0.001 * 9;
        double second = 0.01 * (m / (1 - 0.81)) / (Math.Sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        Assert.All(theta, x => Assert.Equal(-0.01 - second, x, 1e-6));
    }

    [Fact]
    public void SchedulesGiveTheirMultipliers()
    {
        Assert.Equal(1, LearningRateSchedule.Constant.Multiplier(7, 100, 1000));
        Assert.Equal(0.25, LearningRateSchedule.StepDecay(2, 0.5).Multiplier(5, 0, 10), 12);
        Assert.Equal(Math.Pow(0.9, 3), LearningRateSchedule.ExponentialDecay(0.9).Multiplier(3, 0, 10), 12);
        Assert.Equal(1, LearningRateSchedule.LinearDecay(0.1).Multiplier(0, 0, 11), 12);
        Assert.Equal(0.55, LearningRateSchedule.LinearDecay(0.1).Multiplier(0, 5, 11), 12);
        Assert.Equal(0.1, LearningRateSchedule.LinearDecay(0.1).Multiplier(0, 10, 11), 12);
    }
}
