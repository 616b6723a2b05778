using Ebm.Numerics;

namespace Ebm.Training;

/// <summary>
/// The variational lower bound on log p(v) of a model whose hidden posterior is not tractable (a DBM; Salakhutdinov
/// &amp; Hinton 2009, §3): for any factorised Bernoulli q(h) = Πᵢ μᵢ^hᵢ (1 − μᵢ)^(1−hᵢ),
/// <code>log p(v) ≥ −E_q[E(v, h)] + H(q) − log Z = log p(v) − KL(q ‖ p(h | v)),</code>
/// with μ the mean-field fixed point given v. When every hidden group enters the energy affinely with no terms
/// among its own units (the structure's summable groups), E is multilinear in the hidden units, so under a factorised
/// q the expectation is the energy at the means, E_q[E(v, h)] = E(v, μ): the bound needs one energy call, not a sum.
/// </summary>
public static class VariationalBound
{
    /// <summary>Mean-field sweeps allowed by the overloads that do not say.</summary>
    public const int DefaultMaxSweeps = 100;

    /// <summary>Sweeps stop once no mean moves by more than this.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The bound of each row with the data group the first group and up to <see cref="DefaultMaxSweeps"/> mean-field sweeps.</summary>
    /// <inheritdoc cref="Compute(IGibbsModel, ReadOnlyMemory{float}, double, int, string?)"/>
    public static VariationalBoundResult Compute(IGibbsModel model, ReadOnlyMemory<float> data, double logZ) =>
        Compute(model, data, logZ, DefaultMaxSweeps, null);

    /// <summary>The variational lower bound on log p(v) of each row, from the mean-field posterior.</summary>
    /// <param name="model">A model whose hidden groups are all binary and summable (RBM, GRBM, DBM).</param>
    /// <param name="data">Rows of the data group, row-major.</param>
    /// <param name="logZ">log Z of the model (exact, or AIS's estimate).</param>
    /// <param name="maxSweeps">The most mean-field sweeps over the hidden blocks, ≥ 1.</param>
    /// <param name="dataGroup">The group the rows describe; null means the first.</param>
    /// <returns>The bound per row and its parts.</returns>
    /// <exception cref="ArgumentException">A hidden group is not summable, or the rows do not fit.</exception>
    public static VariationalBoundResult Compute(IGibbsModel model, ReadOnlyMemory<float> data, double logZ, int maxSweeps, string? dataGroup)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSweeps, 1);
        if (!double.IsFinite(logZ))
            throw new ArgumentOutOfRangeException(nameof(logZ), logZ, "log Z must be finite.");
        var roles = new ModelRoles(model, dataGroup);
        ModelLayout layout = model.Layout;
        foreach (int g in roles.Hidden)
            if (!model.Structure.SummableGroups.Contains(layout.States[g].Name))
                throw new ArgumentException(
                    $"The hidden group '{layout.States[g].Name}' of '{layout.Description.Name}' has terms among its own units, so E_q[E] is not the energy at the means; the bound needs summable hidden groups (RBM, DBM).",
                    nameof(model));
        int columns = layout.States[roles.Data].Size;
        int rows = EnergyModelSupport.RowCount(data.Span, columns, nameof(data));
        if (rows == 0)
            throw new ArgumentException("The data has no rows.", nameof(data));

        var scratch = new Scratch();
        float[][] states = [.. layout.States.Select(g => new float[rows * g.Size])];
        data.Span.CopyTo(states[roles.Data]);
        int sweeps = MeanField(model, roles, states, maxSweeps, scratch);

        var energies = new float[rows];
        model.Energy([.. states.Select(s => new ReadOnlyMemory<float>(s))], energies);
        var bounds = new double[rows];
        double energySum = 0, entropySum = 0;
        for (int r = 0; r < rows; r++)
        {
            double entropy = 0;
            foreach (int g in roles.Hidden)
            {
                int size = layout.States[g].Size;
                foreach (float m in states[g].AsSpan(r * size, size))
                    entropy += BernoulliEntropy(m);
            }
            bounds[r] = -(double)energies[r] + entropy - logZ;
            energySum += energies[r];
            entropySum += entropy;
        }
        return new VariationalBoundResult(bounds.Average(), bounds, -energySum / rows, entropySum / rows, sweeps);
    }

    // Sweeps of DataTerm.MeanField until the means settle. Each block is a parallel block of summable groups, so its
    // update is the exact coordinate ascent of the bound in those groups: the bound never decreases from sweep to sweep.
    private static int MeanField(IGibbsModel model, ModelRoles roles, float[][] states, int maxSweeps, Scratch scratch)
    {
        float[][] previous = [.. states.Select(s => new float[s.Length])];
        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            foreach (int g in roles.Hidden)
                states[g].CopyTo(previous[g], 0);
            DataTerm.MeanField(model, roles, states, 1, 0f, scratch);
            double moved = 0;
            foreach (int g in roles.Hidden)
                for (int i = 0; i < states[g].Length; i++)
                    moved = Math.Max(moved, Math.Abs(states[g][i] - previous[g][i]));
            if (moved < Tolerance)
                return sweep;
        }
        return maxSweeps;
    }

    // −μ log μ − (1 − μ) log(1 − μ), in double; 0 at μ ∈ {0, 1} (the float σ saturates there).
    private static double BernoulliEntropy(float mean)
    {
        double m = mean;
        return (m > 0 ? -m * Math.Log(m) : 0) + (m < 1 ? -(1 - m) * StableMath.Log1p(-m) : 0);
    }
}

/// <summary>What <see cref="VariationalBound.Compute(IGibbsModel, ReadOnlyMemory{float}, double)"/> found.</summary>
/// <param name="MeanBound">The mean over the rows of the lower bound on log p(v), in nats.</param>
/// <param name="RowBounds">The bound of each row.</param>
/// <param name="MeanNegativeEnergy">Mean of −E(v, μ) = −E_q[E].</param>
/// <param name="MeanEntropy">Mean entropy H(q) of the mean-field posterior, in nats.</param>
/// <param name="Sweeps">Mean-field sweeps run.</param>
public sealed record VariationalBoundResult(double MeanBound, IReadOnlyList<double> RowBounds, double MeanNegativeEnergy, double MeanEntropy, int Sweeps);
