using Ebm.Tests.Gibbs;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>
/// CD-k's gradient tends to the likelihood gradient as k grows (the chains started at the data reach the model's
/// distribution). Each CD gradient averages 16,000 chains (8 data rows, each 2,000 times), so its noise is about
/// 0.5/√16000 ≈ 0.004 per entry; the models' weights (N(0, 1.5²)) make CD-1 clearly biased.
/// </summary>
public sealed class ContrastiveDivergenceTests
{
    public static TheoryData<bool, ulong> Cases => new() { { false, 3 }, { false, 4 }, { true, 5 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CdGradientApproachesTheExactGradientAsKGrows(bool boltzmann, ulong seed)
    {
        IGibbsModel model = boltzmann ? TestModels.Bm(4, 3, 1f, 1.5f, seed) : TestModels.Rbm(5, 3, 1.5f, seed);
        int v = model.Layout.States[0].Size;
        float[] rows = TinyModels.BinaryRows(8, v, seed);
        float[] data = [.. Enumerable.Range(0, 2000).SelectMany(_ => rows)];
        var exactOptions = new TrainingOptions(1, 8, 0.1f, seed)
        {
            NegativePhase = NegativePhase.Exact,
            PositivePhase = boltzmann ? PositivePhase.Exact : PositivePhase.Auto,
        };
        float[] exact = TrainerProbe.Gradient(model, rows, exactOptions);

        double Error(int k)
        {
            var options = exactOptions with { NegativePhase = NegativePhase.ContrastiveDivergence, GibbsSteps = k, BatchSize = data.Length / v };
            float[] cd = TrainerProbe.Gradient(model, data, options);
            return cd.Zip(exact, (a, b) => Math.Abs(a - b)).Max();
        }

        double e1 = Error(1), e5 = Error(5), e100 = Error(100);
        Assert.True(e100 < 0.03, $"CD-100 is {e100} from the exact gradient");
        Assert.True(e1 > 2 * e100 && e1 > e5, $"CD-1 {e1}, CD-5 {e5}, CD-100 {e100}");
    }
}
