using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Tests.Training.Models;

/// <summary>Two hidden groups that both couple to the visibles: not a chain of layers.</summary>
[EnergyModel]
public static partial class TwoBranchMachine
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([Binary] Vec v, [Binary] Vec a, [Binary] Vec b, Mat Wa, Mat Wb, Vec c)
        => -Dot(v, Wa * a) - Dot(v, Wb * b) - Dot(c, v);
}
