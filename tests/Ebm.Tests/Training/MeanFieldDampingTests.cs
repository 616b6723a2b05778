using Ebm.Models;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>
/// The naive parallel mean field of a BM's hidden group with strong mutual inhibition flips between two states;
/// damping makes it settle at the fixed point μ = σ(logits(μ)), checked by its residual.
/// </summary>
public sealed class MeanFieldDampingTests
{
    // Two hiddens that inhibit each other (J = −8 off the diagonal) with biases 4, no visible coupling: the symmetric
    // fixed point solves μ = σ(4 − 8μ), μ = 0.5; the parallel update from 0 alternates 0.98, 0.02, 0.98, …
    private static IGibbsModel Inhibiting()
    {
        var p = BoltzmannMachine.Parameters.Create(v: 3, h: 2, beta: 1f, seed: 1);
        var theta = new float[p.ToVector().Length];
        var model = BoltzmannMachine.Create(p.WithVector(theta));
        ModelLayout l = model.Layout;
        int j = l.Parameter("J").Offset, c = l.Parameter("c").Offset;
        theta[j + 1] = theta[j + 2] = -8f;
        theta[c] = theta[c + 1] = 4f;
        return BoltzmannMachine.Create(p.WithVector(theta));
    }

    private static float[] HiddenMeans(IGibbsModel model, int sweeps, float damping)
    {
        var roles = new ModelRoles(model, null);
        WeightedStates means = DataTerm.Means(model, roles, [1, 0, 1], 1, PositivePhase.MeanField, sweeps, damping, 1f);
        return means.States[1];
    }

    [Fact]
    public void UndampedMeanFieldOscillatesAndDampedSettlesAtTheFixedPoint()
    {
        IGibbsModel model = Inhibiting();
        float[] even = HiddenMeans(model, 40, 0f), odd = HiddenMeans(model, 41, 0f);
        Assert.True(Math.Abs(even[0] - odd[0]) > 0.9, $"undamped: {even[0]} after 40 sweeps, {odd[0]} after 41");

        float[] damped = HiddenMeans(model, 200, 0.5f);
        foreach (float m in damped)
        {
            double residual = m - 1 / (1 + Math.Exp(-(4 - 8.0 * damped[damped[0] == m ? 1 : 0])));
            Assert.True(Math.Abs(residual) < 1e-4, $"μ = ({damped[0]}, {damped[1]}): residual {residual}");
        }
        Assert.Equal(0.5, damped[0], 1e-3);
    }

    [Fact]
    public void DampingOutsideItsRangeIsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Trainer.Train(Inhibiting(), TinyModels.Rows([1, 0, 1, 0, 1, 1], 3), new TrainingOptions(1, 2, 0.1f, 1) { MeanFieldDamping = 1f }));
        Assert.Contains("The mean-field damping must be in [0, 1).", e.Message);
    }
}
