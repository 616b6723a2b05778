using Ebm.Training;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Tests.Training;

/// <summary>
/// The trainer's gradient E_data[∇θE] − E_model[∇θE] against central differences (step 10⁻⁴, double precision) of the
/// exact mean negative log-likelihood, on random tiny RBMs and Boltzmann machines (≤ 6 visible, ≤ 4 hidden units).
/// The RBM's data term is the production one (hidden conditional means); the BM's enumerates its hiddens per row
/// (mean field is not exact there). Tolerance 2·10⁻⁴ + 10⁻³·|g|: the model's energies, probabilities and sums are
/// float (relative 10⁻⁶ of energies up to ~40); the differences' own error is below 10⁻⁸.
/// </summary>
public sealed class GradientProperties
{
    private static readonly Gen<float> Parameter = Gen.Choose(-1500, 1500).Select(i => i / 1000f);

    private static Arbitrary<TinyCase> Cases() =>
        (from bm in Gen.Elements(false, true)
         from v in Gen.Choose(1, 6)
         from h in Gen.Choose(1, 4)
         from rows in Gen.Choose(1, 8)
         from beta in Gen.Elements(1f, 0.7f)
         let count = bm ? v * v + h * h + v * h + v + h : v * h + v + h
         from theta in Gen.ArrayOf(Parameter, count)
         from data in Gen.ArrayOf(Gen.Elements(0f, 1f), rows * v)
         select new TinyCase(bm, v, h, bm ? beta : 1f, theta, data)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property ExactExpectationsGiveTheLikelihoodGradient() => Prop.ForAll(Cases(), c =>
    {
        IGibbsModel model = c.Model();
        var options = new TrainingOptions(1, c.Rows, 0.1f, 1)
        {
            NegativePhase = NegativePhase.Exact,
            PositivePhase = c.Boltzmann ? PositivePhase.Exact : PositivePhase.Auto,
        };
        float[] gradient = TrainerProbe.Gradient(model, c.Data, options);
        double[] theta = [.. c.Theta.Select(x => (double)x)];
        const double step = 1e-4;
        for (int i = 0; i < theta.Length; i++)
        {
            double keep = theta[i];
            theta[i] = keep + step;
            double up = c.MeanNegativeLogLikelihood(model, theta);
            theta[i] = keep - step;
            double down = c.MeanNegativeLogLikelihood(model, theta);
            theta[i] = keep;
            double expected = (up - down) / (2 * step);
            Assert.True(Math.Abs(gradient[i] - expected) <= 2e-4 + 1e-3 * Math.Abs(expected),
                $"entry {i}: trainer {gradient[i]:R}, central difference {expected:R}");
        }
    });
}

/// <summary>One gradient of the trainer, as its update loop computes it.</summary>
internal static class TrainerProbe
{
    public static float[] Gradient(IGibbsModel model, float[] data, TrainingOptions options, long update = 0)
    {
        var roles = new ModelRoles(model, options.DataGroup);
        var gradient = new float[model.Layout.ParameterCount];
        int rows = data.Length / model.Layout.States[roles.Data].Size;
        Trainer.Gradient(model, roles, data, rows, options, new ModelTerm(model, roles, options), update, gradient, new Scratch());
        return gradient;
    }
}
