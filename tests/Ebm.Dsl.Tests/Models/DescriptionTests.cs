using System.Reflection;
using Ebm.Models;

namespace Ebm.Dsl.Tests.Models;

/// <summary>
/// The built-in models as the real compiler built them. <c>Description</c> exists only if the compiler
/// loaded the generator (a generator built against a newer Roslyn is dropped with a mere warning, while
/// the generator's own unit tests still pass), so this file compiling is itself the first check.
/// </summary>
public class DescriptionTests
{
    private static readonly Type[] Models =
        [typeof(GaussianMixture), typeof(BernoulliRbm), typeof(GaussianBernoulliRbm), typeof(BoltzmannMachine), typeof(DeepBoltzmannMachine), typeof(MlpEnergy)];

    [Fact]
    public void Bernoulli_rbm_has_binary_v_and_h_and_trainable_W_b_c()
    {
        var description = BernoulliRbm.Description;
        Assert.Equal("BernoulliRbm", description.Name);
        Assert.Equal(["v", "h"], description.Sizes);
        Assert.Equal([new StateGroup("v", StateKind.Binary, "v"), new StateGroup("h", StateKind.Binary, "h")], description.States);
        Assert.Equal(
            [
                new ModelParameter("W", ParameterRank.Matrix, ["v", "h"], IsTrainable: true),
                new ModelParameter("b", ParameterRank.Vector, ["v"], IsTrainable: true),
                new ModelParameter("c", ParameterRank.Vector, ["h"], IsTrainable: true),
            ],
            description.Parameters);
    }

    [Fact]
    public void Gaussian_bernoulli_rbm_has_continuous_v_binary_h_and_a_const_sigma()
    {
        var description = GaussianBernoulliRbm.Description;
        Assert.Equal([StateKind.Continuous, StateKind.Binary], description.States.Select(s => s.Kind));
        var sigma = Assert.Single(description.Parameters, p => p.Name == "sigma");
        Assert.False(sigma.IsTrainable);
        Assert.Equal(ParameterRank.Scalar, sigma.Rank);
        Assert.Empty(sigma.Shape);
        Assert.All(description.Parameters.Where(p => p.Name != "sigma"), p => Assert.True(p.IsTrainable));
    }

    [Fact]
    public void Mlp_energy_has_one_continuous_state_x_and_hidden_sizes_named_after_the_weights()
    {
        var description = MlpEnergy.Description;
        Assert.Equal(new StateGroup("x", StateKind.Continuous, "x"), Assert.Single(description.States));
        Assert.Equal(["x", "W1Rows", "W2Rows"], description.Sizes);
        Assert.Equal(["W1Rows", "x"], description.Parameters.Single(p => p.Name == "W1").Shape);
    }

    [Fact]
    public void Every_description_agrees_with_its_Energy_signature()
    {
        // An independent reading of the declaration, by reflection: names, order, roles and ranks.
        foreach (var model in Models)
        {
            var description = (ModelDescription)model.GetProperty("Description")!.GetValue(null)!;
            var parameters = model.GetMethod("Energy")!.GetParameters();
            Assert.Equal(model.Name, description.Name);

            var states = parameters.Where(p => p.IsDefined(typeof(StateAttribute)) || p.IsDefined(typeof(BinaryAttribute))).ToList();
            Assert.Equal(states.Select(p => p.Name), description.States.Select(s => s.Name));
            Assert.Equal(states.Select(p => p.IsDefined(typeof(BinaryAttribute)) ? StateKind.Binary : StateKind.Continuous), description.States.Select(s => s.Kind));

            var others = parameters.Except(states).ToList();
            Assert.Equal(others.Select(p => p.Name), description.Parameters.Select(p => p.Name));
            Assert.Equal(others.Select(p => !p.IsDefined(typeof(ConstAttribute))), description.Parameters.Select(p => p.IsTrainable));
            Assert.Equal(others.Select(p => RankOf(p.ParameterType)), description.Parameters.Select(p => p.Rank));
            Assert.All(description.Parameters, p => Assert.Equal((int)p.Rank, p.Shape.Count));
            Assert.All(description.Parameters.SelectMany(p => p.Shape).Concat(description.States.Select(s => s.Size)), size => Assert.Contains(size, description.Sizes));
        }
    }

    [Fact]
    public void Descriptions_cannot_be_changed_through_their_lists()
    {
        var description = BernoulliRbm.Description;
        Assert.Throws<NotSupportedException>(() => ((IList<StateGroup>)description.States).Add(new StateGroup("x", StateKind.Binary, "x")));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)description.Sizes)[0] = "changed");
        Assert.Throws<NotSupportedException>(() => ((IList<string>)description.Parameters[0].Shape).Clear());
    }

    [Fact]
    public void Descriptions_compare_by_value()
    {
        var copy = BernoulliRbm.Description with { Sizes = ["v", "h"] };
        Assert.Equal(BernoulliRbm.Description, copy);
        Assert.Equal(BernoulliRbm.Description.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(BernoulliRbm.Description, copy with { Sizes = ["h", "v"] });
    }

    private static ParameterRank RankOf(Type type) =>
        type == typeof(Scalar) ? ParameterRank.Scalar : type == typeof(Vec) ? ParameterRank.Vector : ParameterRank.Matrix;
}
