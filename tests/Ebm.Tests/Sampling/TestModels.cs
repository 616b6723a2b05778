using Ebm.Dsl;
using static Ebm.Dsl.Ops;

namespace Ebm.Tests.Sampling;

/// <summary>A Gaussian with a full precision matrix P: E = ½(x − μ)ᵀP(x − μ), so p = N(μ, P⁻¹).</summary>
[EnergyModel]
public static partial class GaussianEnergy
{
    public static Scalar Energy([State] Vec x, Mat precision, Vec mean)
        => Dot(x - mean, precision * (x - mean)) / 2;
}
