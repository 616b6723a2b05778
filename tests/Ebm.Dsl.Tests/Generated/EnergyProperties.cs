using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>The generated energy of every model against the interpreter, for one state and for a batch.</summary>
[Properties(Arbitrary = [typeof(ModelDrawArbitrary)], MaxTest = 30)]
public class EnergyProperties
{
    [Property]
    public void The_energy_of_one_state_is_the_interpreters(ModelDraw draw)
    {
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            var state = m.DrawState(draw);
            Tolerances.Energy(m.Interpret(state), m.Model.Energy(Contract.In(state)), m);
        }
    }

    [Property]
    public void The_energies_of_a_batch_are_those_of_its_rows(ModelDraw draw)
    {
        foreach (var type in ModelUnderTest.All)
        {
            var m = ModelUnderTest.Create(type, draw);
            int count = draw.Count();
            var batch = m.DrawBatch(draw, count);
            var energies = new float[count];
            m.Model.Energy(Contract.In(batch), energies);
            for (int r = 0; r < count; r++)
            {
                var row = m.Row(batch, r);
                Tolerances.Within(m.Model.Energy(Contract.In(row)), energies[r], Tolerances.SameFloatRelative, $"{m}, row {r}");
                Tolerances.Energy(m.Interpret(row), energies[r], $"{m}, row {r}");
            }
        }
    }
}
