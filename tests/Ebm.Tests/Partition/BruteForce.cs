using Ebm.Tests.Gibbs;

namespace Ebm.Tests.Partition;

/// <summary>The oracle: log Z over every state of every group with the plain single-state energy, in double.</summary>
internal static class BruteForce
{
    public static double LogZ(IEnergyModel model)
    {
        int n = JointDistribution.Units(model);
        var terms = new double[1 << n];
        for (int k = 0; k < terms.Length; k++)
            terms[k] = -model.Energy(JointDistribution.State(model, k));
        return LogSumExp(terms);
    }

    public static double LogSumExp(IReadOnlyList<double> terms)
    {
        double max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }
}
