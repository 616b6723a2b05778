namespace Ebm.Sampling;

/// <summary>
/// Exact log partition functions: log Z = log ∫ e^{−E(x)} dx for continuous models of dimension ≤ 2 by
/// numerical integration on a stated box.
/// </summary>
public static class LogPartition
{
    /// <summary>The largest number of continuous units <see cref="Integrate(IEnergyModel, IntegrationBox)"/> accepts.</summary>
    public const int MaxIntegrationDimension = 2;

    /// <summary>Panels per axis of <see cref="Integrate(IEnergyModel, IntegrationBox)"/>.</summary>
    public const int DefaultPanels = 64;

    private const int NodesPerPanel = 10;
    private const int Batch = 16_384;

    /// <summary>log ∫_box e^{−E} with <see cref="DefaultPanels"/> panels per axis (see the three-argument overload).</summary>
    /// <param name="model">A model whose state groups are continuous and hold 1 or 2 units in all.</param>
    /// <param name="box">The integration box, one axis per unit.</param>
    /// <returns>log Z over the box and an error estimate.</returns>
    public static LogPartitionEstimate Integrate(IEnergyModel model, IntegrationBox box) => Integrate(model, box, DefaultPanels);

    /// <summary>
    /// log ∫_box e^{−E(x)} dx by a composite tensor Gauss–Legendre rule: each axis cut into
    /// <paramref name="panels"/> equal panels of 10 nodes (exact for polynomials of degree 19 on each panel), summed
    /// in double as −m + log Σ wᵢ e^{−(Eᵢ − m)}, m = min E, so nothing overflows. The same rule on panels/2 gives
    /// the error estimate. Mass outside the box is not counted: choose a box that holds it all.
    /// </summary>
    /// <param name="model">A model whose state groups are continuous and hold 1 or 2 units in all.</param>
    /// <param name="box">The integration box, one axis per unit.</param>
    /// <param name="panels">Panels per axis, even and ≥ 2; cost is (10·panels)^d energies, times 1.25 (d = 2) or 1.5 (d = 1).</param>
    /// <returns>log Z over the box and an error estimate.</returns>
    /// <exception cref="ArgumentException">The model has a binary group or more than <see cref="MaxIntegrationDimension"/>
    /// continuous units (use annealed importance sampling there), or the box does not match.</exception>
    public static LogPartitionEstimate Integrate(IEnergyModel model, IntegrationBox box, int panels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(box);
        ModelLayout layout = model.Layout;
        StateLayout? binary = layout.States.FirstOrDefault(s => s.Kind != StateKind.Continuous);
        if (binary is not null)
            throw new ArgumentException($"{layout.Description.Name} has the binary group '{binary.Name}'; numerical integration covers continuous models only.", nameof(model));
        int d = layout.ContinuousStates.Sum(s => s.Size);
        if (d > MaxIntegrationDimension)
            throw new ArgumentException(
                $"{layout.Description.Name} has {d} continuous units; exact log Z by numerical integration is limited to {MaxIntegrationDimension} " +
                "(the grid grows as nodes^d). Estimate log Z by annealed importance sampling (AIS) instead.", nameof(model));
        if (d == 0)
            throw new ArgumentException($"{layout.Description.Name} has no continuous units to integrate over.", nameof(model));
        if (box.Lower is null || box.Upper is null || box.Lower.Count != d || box.Upper.Count != d)
            throw new ArgumentException($"The box must give {d} lower and {d} upper ends, one per continuous unit.", nameof(box));
        for (int a = 0; a < d; a++)
            if (!(box.Lower[a] < box.Upper[a] && double.IsFinite(box.Lower[a]) && double.IsFinite(box.Upper[a])))
                throw new ArgumentException($"Axis {a} of the box is [{box.Lower[a]}, {box.Upper[a]}]; it must be finite with lower < upper.", nameof(box));
        if (panels < 2 || panels % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(panels), panels, "Panels per axis must be even and at least 2.");

        double fine = Rule(model, box, d, panels, out long fineCount);
        double coarse = Rule(model, box, d, panels / 2, out long coarseCount);
        return new LogPartitionEstimate(fine, Math.Abs(fine - coarse), fineCount + coarseCount);
    }

    private static double Rule(IEnergyModel model, IntegrationBox box, int d, int panels, out long evaluations)
    {
        (double[] t, double[] wt) = GaussLegendre.Rule(NodesPerPanel);
        var axisNodes = new double[d][];
        var axisWeights = new double[d][];
        for (int a = 0; a < d; a++)
        {
            double width = (box.Upper[a] - box.Lower[a]) / panels;
            axisNodes[a] = new double[panels * NodesPerPanel];
            axisWeights[a] = new double[panels * NodesPerPanel];
            for (int p = 0; p < panels; p++)
                for (int j = 0; j < NodesPerPanel; j++)
                {
                    axisNodes[a][p * NodesPerPanel + j] = box.Lower[a] + width * (p + 0.5 * (t[j] + 1));
                    axisWeights[a][p * NodesPerPanel + j] = 0.5 * width * wt[j];
                }
        }
        int perAxis = panels * NodesPerPanel;
        long total = d == 1 ? perAxis : (long)perAxis * perAxis;
        evaluations = total;

        int[] sizes = model.Layout.ContinuousStates.Select(s => s.Size).ToArray();
        var energies = new float[total];
        var logWeights = new double[total];
        Parallel.For(0, (int)((total + Batch - 1) / Batch), b =>
        {
            long first = (long)b * Batch;
            int count = (int)Math.Min(Batch, total - first);
            var point = new double[d];
            var groups = sizes.Select(s => new float[count * s]).ToArray();
            for (int r = 0; r < count; r++)
            {
                long i = first + r;
                double lw = 0;
                for (int a = 0; a < d; a++)
                {
                    // Row-major over axes: the last axis varies fastest.
                    long index = a == d - 1 ? i % perAxis : i / perAxis;
                    point[a] = axisNodes[a][index];
                    lw += Math.Log(axisWeights[a][index]);
                }
                logWeights[i] = lw;
                int u = 0;
                for (int g = 0; g < sizes.Length; g++)
                    for (int k = 0; k < sizes[g]; k++)
                        groups[g][r * sizes[g] + k] = (float)point[u++];
            }
            model.Energy(groups.Select(a => new ReadOnlyMemory<float>(a)).ToArray(), energies.AsSpan((int)first, count));
        });

        double m = double.PositiveInfinity;
        for (long i = 0; i < total; i++)
            m = Math.Min(m, energies[i] - logWeights[i]);
        if (double.IsNaN(m) || energies.Any(float.IsNaN))
            throw new ArgumentException("The model's energy is NaN somewhere in the box.", nameof(model));
        if (double.IsPositiveInfinity(m))
            return double.NegativeInfinity;
        double sum = 0;
        for (long i = 0; i < total; i++)
            sum += Math.Exp(-(energies[i] - logWeights[i] - m));
        return -m + Math.Log(sum);
    }
}
