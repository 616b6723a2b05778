using System.Text.RegularExpressions;

namespace Ebm.Generators.Tests;

/// <summary>
/// The OpenCL C each model carries: the kernels its groups allow, named as the runtime launches them. That the
/// kernels compile and compute what the C# computes is checked on a device in tests/Ebm.OpenCL.Tests.
/// </summary>
public class OpenClSourceTests
{
    [Theory]
    [InlineData("BernoulliRbm", "ebm_energy ebm_gibbs_block_0 ebm_gibbs_block_1")]
    [InlineData("GaussianBernoulliRbm", "ebm_energy ebm_state_gradient ebm_gibbs_block_0 ebm_gibbs_block_1")]
    [InlineData("BoltzmannMachine", "ebm_energy ebm_gibbs_block_0 ebm_gibbs_block_1")]
    [InlineData("DeepBoltzmannMachine", "ebm_energy ebm_gibbs_block_0 ebm_gibbs_block_1")]
    [InlineData("GaussianMixture", "ebm_energy ebm_state_gradient ebm_ula_step ebm_mala_step")]
    [InlineData("MlpEnergy", "ebm_energy ebm_state_gradient ebm_ula_step ebm_mala_step")]
    public void Each_model_carries_the_kernels_its_groups_allow(string model, string kernels)
    {
        string source = OpenClSource(GeneratorHarness.Generate(GeneratorHarness.Model(model)));
        var names = Regex.Matches(source, @"__kernel void (\w+)\(").Select(m => m.Groups[1].Value);
        Assert.Equal(kernels.Split(' '), names);
        Assert.DoesNotContain("#error", source);
    }

    [Fact]
    public void Sequential_blocks_redraw_unit_by_unit_and_parallel_blocks_draw_every_unit_from_one_set_of_conditionals()
    {
        string boltzmann = OpenClSource(GeneratorHarness.Generate(GeneratorHarness.Model("BoltzmannMachine")));
        Assert.Contains("for (int u = 0; u < EBM_SIZE_0; u++)", boltzmann);
        string rbm = OpenClSource(GeneratorHarness.Generate(GeneratorHarness.Model("BernoulliRbm")));
        Assert.DoesNotContain("int u = 0", rbm);
    }

    [Fact]
    public void Parameters_are_read_from_one_buffer_laid_out_as_the_flat_vector_then_the_consts()
    {
        string source = OpenClSource(GeneratorHarness.Generate(GeneratorHarness.Model("GaussianBernoulliRbm")));
        // W : Mat[v, h], b : Vec[v], c : Vec[h] are trainable; sigma is const and comes after them.
        Assert.Contains("//   sigma: p[(EBM_SIZE_0 * EBM_SIZE_1 + EBM_SIZE_0 + EBM_SIZE_1)]", source);
    }

    private static string OpenClSource(Run run)
    {
        Assert.Empty(run.CompilerProblems);
        string text = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        int start = text.IndexOf("public const string OpenClSource = \"\"\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no OpenClSource in the generated file");
        int end = text.IndexOf("\"\"\";", start + 40, StringComparison.Ordinal);
        return text[start..end];
    }
}
