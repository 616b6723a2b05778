using Ebm.Models;
using Ebm.Partition;
using Ebm.Tests.Gibbs;

namespace Ebm.Tests.Partition;

/// <summary>
/// Exact log Z with a group summed out against brute force over all states of all groups with the plain energy.
/// Tolerance 10⁻⁴ absolute: energies and free energies are single precision (relative 10⁻⁷ of terms of order 10),
/// the sums double.
/// </summary>
public sealed class ExactLogZTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData(5, 3, "v", 8)]
    [InlineData(3, 5, "h", 8)]
    [InlineData(4, 4, "v", 16)]
    public void Rbm_sums_out_its_larger_layer_and_matches_brute_force(int v, int h, string summed, long enumerated)
    {
        var model = TestModels.Rbm(v, h, scale: 1.2f, seed: (ulong)(10 * v + h));
        ExactLogZResult result = ExactLogZ.Compute(model);
        Assert.Equal(summed, result.SummedGroup);
        Assert.Equal(enumerated, result.EnumeratedStates);
        Assert.Equal(BruteForce.LogZ(model), result.LogZ, Tolerance);
    }

    [Fact]
    public void Deep_boltzmann_machine_sums_out_its_largest_layer()
    {
        var model = TestModels.Dbm(v: 2, h1: 4, h2: 3, scale: 1f, seed: 5);
        ExactLogZResult result = ExactLogZ.Compute(model);
        Assert.Equal("h1", result.SummedGroup);
        Assert.Equal(["v", "h2"], result.EnumeratedGroups);
        Assert.Equal(32, result.EnumeratedStates);
        Assert.Equal(BruteForce.LogZ(model), result.LogZ, Tolerance);
    }

    [Fact]
    public void Boltzmann_machine_without_summable_groups_enumerates_everything()
    {
        var model = TestModels.Bm(v: 2, h: 3, beta: 0.8f, scale: 1f, seed: 6);
        ExactLogZResult result = ExactLogZ.Compute(model);
        Assert.Null(result.SummedGroup);
        Assert.Equal(32, result.EnumeratedStates);
        Assert.Equal(BruteForce.LogZ(model), result.LogZ, Tolerance);
    }

    [Fact]
    public void Several_batches_agree_with_summing_out_the_other_layer()
    {
        // 2^13 enumerated hidden states span two batches; the oracle enumerates the 2^14 visibles instead,
        // each through the hidden free energy, so the two paths share no intermediate value.
        var model = TestModels.Rbm(v: 14, h: 13, scale: 0.3f, seed: 7);
        ExactLogZResult result = ExactLogZ.Compute(model);
        Assert.Equal("v", result.SummedGroup);
        var terms = new double[1 << 14];
        var v = new float[14];
        for (int k = 0; k < terms.Length; k++)
        {
            for (int i = 0; i < 14; i++)
                v[i] = k >> i & 1;
            terms[k] = -model.FreeEnergyH(v);
        }
        Assert.Equal(BruteForce.LogSumExp(terms), result.LogZ, 1e-3);
    }

    [Fact]
    public void Past_the_limit_the_error_names_the_count_the_limit_and_AIS()
    {
        var model = TestModels.Rbm(v: 30, h: 31, scale: 0.1f, seed: 1);
        var e = Assert.Throws<PartitionTooLargeException>(() => ExactLogZ.Compute(model));
        Assert.Contains("2^30 states of (v)", e.Message);
        Assert.Contains("summing out 'h'", e.Message);
        Assert.Contains((1L << 25).ToString("N0"), e.Message);
        Assert.Contains("AIS", e.Message);
        Assert.Equal(30, e.Units);
        Assert.Equal(ExactLogZ.DefaultMaxStates, e.Limit);

        var small = TestModels.Rbm(v: 6, h: 4, scale: 1f, seed: 1);
        Assert.Throws<PartitionTooLargeException>(() => ExactLogZ.Compute(small, 15));
        Assert.Equal(16, ExactLogZ.Compute(small, 16).EnumeratedStates);
    }

    [Fact]
    public void Continuous_groups_are_rejected_by_name()
    {
        var model = TestModels.GbRbm(2, 2, 1f, 1f, 1);
        Assert.Contains("'v'", Assert.Throws<ArgumentException>(() => ExactLogZ.Compute(model)).Message);
    }
}
