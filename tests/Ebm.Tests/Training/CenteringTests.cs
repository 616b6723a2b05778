using Ebm.Tests.Gibbs;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>
/// The centred model E(x − o; θ) and its declared re-expression define the same distribution: every group's
/// conditional logits agree at random states (so, for these models, the energies differ by a constant).
/// </summary>
public sealed class CenteringTests
{
    public static TheoryData<string, ulong> Models => new() { { "rbm", 1 }, { "rbm", 2 }, { "dbm", 3 } };

    [Theory]
    [MemberData(nameof(Models))]
    public void CentredAndDeclaredParametersGiveTheSameConditionals(string kind, ulong seed)
    {
        IGibbsModel model = kind == "rbm" ? TestModels.Rbm(7, 4, 0.8f, seed) : TestModels.Dbm(6, 4, 3, 0.8f, seed);
        var roles = new ModelRoles(model, null);
        float[] data = TinyModels.BinaryRows(40, model.Layout.States[0].Size, seed, 0.3f);
        var centering = Centering.Create(model, roles, data, 0.5f);
        var theta = new float[model.Layout.ParameterCount];
        model.CopyParameters(theta);

        float[] centred = centering.ToCentered(model, theta);
        // The offsets move (the hidden ones towards the batch's means): the distribution must not.
        var positive = DataTerm.Means(new CenteredModel((IGibbsModel)model.WithParameters(centred), centering.Offsets), roles, data, 40, PositivePhase.MeanField, 5, 0f, 1f / 40);
        centering.Update(model, centred, positive);
        Assert.Contains(centering.Offsets[1], o => o != 0.5f);
        var centredModel = new CenteredModel((IGibbsModel)model.WithParameters(centred), centering.Offsets);
        var declared = (IGibbsModel)model.WithParameters(centering.ToDeclared(model, centred));

        float[][] states = TestModels.RandomBinaryStates(model, 16, seed + 10);
        ReadOnlyMemory<float>[] view = [.. states.Select(s => new ReadOnlyMemory<float>(s))];
        foreach (StateLayout g in model.Layout.States)
        {
            var a = new float[16 * g.Size];
            var b = new float[16 * g.Size];
            centredModel.ConditionalLogits(g.Name, view, a);
            declared.ConditionalLogits(g.Name, view, b);
            for (int i = 0; i < a.Length; i++)
                Assert.Equal(b[i], a[i], 1e-4);
            var original = new float[16 * g.Size];
            model.ConditionalLogits(g.Name, view, original);
            Assert.Equal(original.Select(x => Math.Round(x, 3)), b.Select(x => Math.Round(x, 3)));
        }
    }
}
