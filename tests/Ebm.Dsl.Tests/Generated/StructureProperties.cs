using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// The conditionals that structure analysis emits, against the interpreter's energy evaluated directly:
/// logits as E(uᵢ = 0) − E(uᵢ = 1), free energies by enumerating the summed group, Gaussian conditionals
/// through the identity E(x) − E(mean) = ½ Σᵢ (xᵢ − meanᵢ)²/varᵢ of a quadratic. Every row of a batch is
/// checked on its own, so batch = per row too.
/// </summary>
[Properties(Arbitrary = [typeof(ModelDrawArbitrary)], MaxTest = 30)]
public class StructureProperties
{
    private static IEnumerable<(ModelUnderTest Model, IGibbsModel Gibbs)> Structured(ModelDraw draw) =>
        ModelUnderTest.All.Select(type => ModelUnderTest.Create(type, draw)).Where(m => m.Model is IGibbsModel).Select(m => (m, (IGibbsModel)m.Model));

    [Property]
    public void Conditional_logits_are_the_energy_differences_of_each_unit(ModelDraw draw)
    {
        foreach (var (m, gibbs) in Structured(draw))
        {
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            foreach (var group in gibbs.Structure.BinaryGroups)
            {
                int g = m.Layout.StateIndex(group), size = m.Layout.States[g].Size;
                var logits = new float[count * size];
                gibbs.ConditionalLogits(group, Contract.In(batch), logits);
                for (int r = 0; r < count; r++)
                {
                    var row = ModelUnderTest.ToDouble(m.Row(batch, r));
                    for (int i = 0; i < size; i++)
                    {
                        row[g][i] = 0;
                        double off = m.Interpret(row);
                        row[g][i] = 1;
                        double on = m.Interpret(row);
                        row[g][i] = batch[g][r * size + i];
                        Tolerances.Within(off - on, logits[r * size + i], Tolerances.GradientRelative * Math.Max(1, Math.Abs(off)), $"{m}, logit {group}[{i}] of row {r}");
                    }
                }
            }
        }
    }

    [Property]
    public void The_free_energy_is_minus_the_log_of_the_enumerated_sum(ModelDraw draw)
    {
        foreach (var (m, gibbs) in Structured(draw))
        {
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            foreach (var group in gibbs.Structure.SummableGroups)
            {
                int g = m.Layout.StateIndex(group), size = m.Layout.States[g].Size;
                var free = new float[count];
                gibbs.FreeEnergy(group, Contract.In(batch), free);
                for (int r = 0; r < count; r++)
                {
                    var row = ModelUnderTest.ToDouble(m.Row(batch, r));
                    var exponents = new List<double>();
                    for (int bits = 0; bits < 1 << size; bits++)
                    {
                        for (int i = 0; i < size; i++)
                            row[g][i] = (bits >> i) & 1;
                        exponents.Add(-m.Interpret(row));
                    }
                    double max = exponents.Max();
                    double expected = -(max + Math.Log(exponents.Sum(e => Math.Exp(e - max))));
                    Tolerances.Energy(expected, free[r], $"{m}, free energy over {group} of row {r}");
                }
            }
        }
    }

    [Property]
    public void The_gaussian_conditional_completes_the_square_of_the_energy(ModelDraw draw)
    {
        foreach (var (m, gibbs) in Structured(draw))
        {
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            foreach (var group in gibbs.Structure.GaussianGroups)
            {
                int g = m.Layout.StateIndex(group), size = m.Layout.States[g].Size;
                var mean = new float[count * size];
                var variance = new float[count * size];
                gibbs.GaussianConditional(group, Contract.In(batch), mean, variance);
                for (int r = 0; r < count; r++)
                {
                    var row = ModelUnderTest.ToDouble(m.Row(batch, r));
                    var mu = mean.AsSpan(r * size, size).ToArray().Select(v => (double)v).ToArray();
                    var s2 = variance.AsSpan(r * size, size).ToArray().Select(v => (double)v).ToArray();
                    Assert.All(s2, v => Assert.True(v > 0, $"{m}: variance {v}"));
                    row[g] = mu;
                    double atMean = m.Interpret(row);
                    for (int k = 0; k < 3; k++)
                    {
                        var x = draw.Continuous(size).Select(v => (double)v).ToArray();
                        row[g] = x;
                        double expected = m.Interpret(row) - atMean;
                        double actual = 0.5 * x.Select((xi, i) => (xi - mu[i]) * (xi - mu[i]) / s2[i]).Sum();
                        Tolerances.Within(expected, actual, Tolerances.GradientRelative * Math.Max(1, Math.Abs(atMean)), $"{m}, Gaussian {group} of row {r}");
                    }
                }
            }
        }
    }
}
