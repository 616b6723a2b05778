using System.Diagnostics;
using System.Globalization;
using Ebm.Models;
using Ebm.Partition;

/// <summary>Wall time of exact log Z of a BernoulliRbm by enumerating its smaller layer with the other summed out.</summary>
internal static class ExactLogZTiming
{
    public static string Measure(int visible, int hidden)
    {
        var rbm = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: visible, h: hidden, seed: 1));
        var watch = Stopwatch.StartNew();
        ExactLogZResult result = ExactLogZ.Compute(rbm);
        double seconds = watch.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"workload": "exact log z rbm {{visible}}x{{hidden}}", "summed": "{{result.SummedGroup}}", "seconds": {{seconds:F2}}, "threads": {{Environment.ProcessorCount}}, "log_z": {{result.LogZ:F3}}}""");
    }
}
