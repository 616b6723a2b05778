using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Tests.ScoreMatching;

/// <summary>E(x) = ½xᵀAx − bᵀx: a Gaussian N(A⁻¹b, A⁻¹) in natural parameters when A is symmetric positive definite.</summary>
[EnergyModel]
public static partial class QuadraticEnergy
{
    /// <summary>The energy.</summary>
    public static Scalar Energy([State] Vec x, Mat A, Vec b) => Dot(x, A * x) / 2 - Dot(b, x);
}
