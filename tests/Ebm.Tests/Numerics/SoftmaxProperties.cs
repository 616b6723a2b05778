using Ebm.Numerics;
using FsCheck.Xunit;

namespace Ebm.Tests.Numerics;

/// <summary>The identities of softmax, softmin and logsumexp on arbitrary finite input, checked in double.</summary>
[Properties(Arbitrary = [typeof(Vectors)], MaxTest = 300)]
public class SoftmaxProperties
{
    [Property]
    public void Softmax_sums_to_one(FiniteVector x, Temperature t)
    {
        float[] p = StableMath.Softmax(x.Values, t.Value);
        double sum = p.Sum(v => (double)v);
        Assert.True(Math.Abs(sum - 1) <= 1e-6, $"Σ softmax = {sum:R}");
        Assert.All(p, v => Assert.InRange(v, 0f, 1f));
    }

    [Property]
    public void Softmax_is_shift_invariant(GridVector x, Temperature t)
    {
        // On a common grid x − c is exact, so the shifted logits differ from the original only by c,
        // which the max-shift removes exactly: the results must be identical, not merely close.
        float[] shifted = x.Values.Select(v => v - x.Shift).ToArray();
        Assert.Equal(StableMath.Softmax(x.Values, t.Value), StableMath.Softmax(shifted, t.Value));
        Assert.Equal(StableMath.LogSoftmax(x.Values, t.Value), StableMath.LogSoftmax(shifted, t.Value));
    }

    [Property]
    public void Softmin_is_softmax_of_negation(FiniteVector x, Temperature t)
    {
        float[] negated = x.Values.Select(v => -v).ToArray();
        Assert.Equal(StableMath.Softmax(negated, t.Value), StableMath.Softmin(x.Values, t.Value));
    }

    [Property]
    public void Logsumexp_lies_between_max_and_max_plus_T_ln_n(FiniteVector x, Temperature t)
    {
        double lse = StableMath.LogSumExp(x.Values.Select(v => (double)v).ToArray(), t.Value);
        double max = x.Values.Max();
        double slack = 1e-12 * Math.Max(1, Math.Abs(max));
        Assert.InRange(lse, max - slack, max + t.Value * Math.Log(x.Values.Length) + slack);
    }

    [Property]
    public void Float_logsumexp_agrees_with_double(FiniteVector x, Temperature t)
    {
        float lse = StableMath.LogSumExp(x.Values, t.Value);
        double reference = StableMath.LogSumExp(x.Values.Select(v => (double)v).ToArray(), (double)t.Value);
        double scale = Math.Max(x.Values.Max(MathF.Abs), t.Value);
        Assert.True(Math.Abs(lse - reference) <= 1e-6 * scale, $"float {lse:R}, double {reference:R}");
    }

    [Property]
    public void Log_softmax_is_the_log_of_softmax_and_normalised(FiniteVector x, Temperature t)
    {
        double[] xd = x.Values.Select(v => (double)v).ToArray();
        double[] logP = StableMath.LogSoftmax(xd, t.Value);
        double[] p = StableMath.Softmax(xd, t.Value);
        for (int i = 0; i < xd.Length; i++)
        {
            Assert.True(logP[i] <= 0, $"log p[{i}] = {logP[i]:R} > 0");
            if (p[i] > 1e-300)
                Assert.True(Math.Abs(logP[i] - Math.Log(p[i])) <= 1e-12 * Math.Max(1, Math.Abs(logP[i])), $"log p[{i}] = {logP[i]:R}, log of softmax = {Math.Log(p[i]):R}");
        }
        // Normalised in log space too, including entries whose probability underflows.
        Assert.True(Math.Abs(StableMath.LogSumExp(logP)) <= 1e-12, $"logsumexp(log softmax) = {StableMath.LogSumExp(logP):R}");
    }

    [Property]
    public void Zero_temperature_limit_is_the_one_hot_argmax(FiniteVector x)
    {
        float[] p = StableMath.Softmax(x.Values, 1e-30f);
        float max = x.Values.Max();
        int ties = x.Values.Count(v => v == max);
        for (int i = 0; i < p.Length; i++)
            Assert.Equal(x.Values[i] == max ? 1f / ties : 0f, p[i]);
    }
}
