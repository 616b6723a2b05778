using Ebm.Models;

namespace Ebm.Dsl.Tests.Models;

/// <summary>The structure analysis finds for the built-in models (specs/structure.md), read from their descriptions.</summary>
public class StructureTests
{
    private static string Blocks(ModelDescription d) =>
        string.Join(" | ", d.Structure.GibbsBlocks.Select(b => "{" + string.Join(",", b.Groups) + "}" + (b.IsSequential ? " sequential" : "")));

    [Fact]
    public void Bernoulli_rbm_updates_v_then_h_and_sums_out_either() =>
        AssertStructure(BernoulliRbm.Description, "{v} | {h}", ["v", "h"], ["v", "h"], []);

    [Fact]
    public void Gaussian_bernoulli_rbm_draws_v_from_a_gaussian_and_sums_out_h() =>
        AssertStructure(GaussianBernoulliRbm.Description, "{v} | {h}", ["h"], ["h"], ["v"]);

    [Fact]
    public void Deep_boltzmann_machine_updates_v_with_h2_then_h1() =>
        AssertStructure(DeepBoltzmannMachine.Description, "{v,h2} | {h1}", ["v", "h1", "h2"], ["v", "h1", "h2"], []);

    [Fact]
    public void Boltzmann_machine_with_lateral_weights_updates_each_group_unit_by_unit() =>
        AssertStructure(BoltzmannMachine.Description, "{v} sequential | {h} sequential", ["v", "h"], [], []);

    [Fact]
    public void Models_without_binary_or_gaussian_groups_have_no_structure()
    {
        Assert.Equal(ModelStructure.None, GaussianMixture.Description.Structure);
        Assert.Equal(ModelStructure.None, MlpEnergy.Description.Structure);
        Assert.False(typeof(MlpEnergy.Model).IsAssignableTo(typeof(IGibbsModel)));
        Assert.True(typeof(BernoulliRbm.Model).IsAssignableTo(typeof(IGibbsModel)));
    }

    private static void AssertStructure(ModelDescription d, string blocks, string[] binary, string[] summable, string[] gaussian)
    {
        Assert.Equal(blocks, Blocks(d));
        Assert.Equal(binary, d.Structure.BinaryGroups);
        Assert.Equal(summable, d.Structure.SummableGroups);
        Assert.Equal(gaussian, d.Structure.GaussianGroups);
    }
}
