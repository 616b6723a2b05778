using System.Diagnostics;
using System.Globalization;
using Ebm;
using Ebm.Data;
using Ebm.Models;
using Ebm.Partition;

/// <summary>
/// Wall time of AIS on a BernoulliRbm 784×500 (issue: 100 runs × the paper's 14,500 βs on 2 cores), with the
/// base rate fitted to the embedded Fashion-MNIST subset. The parameters are the seeded initialisation scaled up
/// to N(0, 0.1²): the time does not depend on their values, only on the sizes and the schedule.
/// </summary>
internal static class AisTiming
{
    public static string Measure(int runs, double fraction)
    {
        var p = BernoulliRbm.Parameters.Create(v: 784, h: 500, seed: 1);
        float[] theta = p.ToVector();
        for (int i = 0; i < theta.Length; i++)
            theta[i] *= 10f;
        var rbm = BernoulliRbm.Create(p.WithVector(theta));
        Dataset data = Binarization.Threshold(FashionMnist.LoadEmbedded().Train);
        IGibbsModel baseModel = AisBaseModel.BaseRate(rbm, "v", "b", data.Values);
        IReadOnlyList<double> betas = AisSchedule.SalakhutdinovMurray(fraction);
        var watch = Stopwatch.StartNew();
        AisResult result = AnnealedImportanceSampling.Run(rbm, baseModel, new AisOptions(betas, runs, 7));
        double seconds = watch.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"workload": "ais rbm 784x500", "runs": {{runs}}, "betas": {{betas.Count - 1}}, "seconds": {{seconds:F2}}, "threads": {{Environment.ProcessorCount}}, "log_z": {{result.LogZ:F3}}, "standard_error": {{result.StandardError:F3}}}""");
    }
}
