namespace Ebm.Sampling;

/// <summary>An axis-aligned box [Lower₀, Upper₀] × … over a model's continuous units (groups in order).</summary>
/// <param name="Lower">The lower end of each axis.</param>
/// <param name="Upper">The upper end of each axis, greater than the lower one.</param>
public sealed record IntegrationBox(IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);

/// <summary>A numerically integrated log partition function.</summary>
/// <param name="LogZ">log ∫_box e^{−E(x)} dx at the finer resolution.</param>
/// <param name="ErrorEstimate">|LogZ − the same rule on half as many panels per axis|: a bound on the quadrature error of
/// the coarser result and so, for the smooth integrands the rule is meant for, a generous one on LogZ's. It does not
/// include the mass outside the box nor the float rounding of the model's energies (≈ 10⁻⁷·|E| relative).</param>
/// <param name="Evaluations">Energies evaluated, both resolutions together.</param>
public sealed record LogPartitionEstimate(double LogZ, double ErrorEstimate, long Evaluations);
