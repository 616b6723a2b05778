namespace Ebm.Partition;

/// <summary>
/// Base models for <see cref="AnnealedImportanceSampling"/>: fully factorised binary models, whose log Z has a
/// closed form and which can be sampled exactly.
/// </summary>
public static class AisBaseModel
{
    /// <summary>The default clip of the data's mean: p̄ is kept in [10⁻³, 1 − 10⁻³], so a unit that is always 0 or 1 gets a finite bias.</summary>
    public const double DefaultClip = 1e-3;

    /// <inheritdoc cref="BaseRate(IGibbsModel, string, string, ReadOnlyMemory{float}, double)"/>
    public static IGibbsModel BaseRate(IGibbsModel target, string dataGroup, string biasParameter, ReadOnlyMemory<float> data) =>
        BaseRate(target, dataGroup, biasParameter, data, DefaultClip);

    /// <summary>
    /// The base-rate model of Salakhutdinov &amp; Murray (2008): <paramref name="target"/> with every trainable
    /// parameter 0 except the data group's bias, set to log(p̄ᵢ/(1 − p̄ᵢ)) of the data's mean pⁱ of unit i. It is the
    /// maximum-likelihood factorised model of the data, so it overlaps the data-fitted target better than the
    /// uniform distribution does and AIS needs fewer βs.
    /// </summary>
    /// <param name="target">The model to estimate log Z of.</param>
    /// <param name="dataGroup">The state group the data describes (an RBM's "v").</param>
    /// <param name="biasParameter">That group's bias, entering the energy as −biasᵀu (an RBM's "b").</param>
    /// <param name="data">Rows of the data group, row-major, values in [0, 1].</param>
    /// <param name="clip">p̄ is clipped to [clip, 1 − clip]; in (0, 0.5).</param>
    /// <returns>The base model, with the target's layout.</returns>
    /// <exception cref="ArgumentException">
    /// The group or parameter is unknown, the parameter's length is not the group's size, the data is empty or not
    /// whole rows, or the resulting conditional logits of the group are not the intended biases (the parameter
    /// does not enter the energy as −biasᵀu).
    /// </exception>
    public static IGibbsModel BaseRate(IGibbsModel target, string dataGroup, string biasParameter, ReadOnlyMemory<float> data, double clip)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!(clip > 0 && clip < 0.5))
            throw new ArgumentOutOfRangeException(nameof(clip), clip, "The clip must be in (0, 0.5).");
        ModelLayout layout = target.Layout;
        int group = layout.States.ToList().FindIndex(g => g.Name == dataGroup);
        if (group < 0)
            throw new ArgumentException($"'{layout.Description.Name}' has no state group '{dataGroup}'; its groups are ({string.Join(", ", layout.States.Select(g => g.Name))}).", nameof(dataGroup));
        ParameterLayout? bias = layout.Parameters.FirstOrDefault(p => p.Name == biasParameter);
        if (bias is null)
            throw new ArgumentException($"'{layout.Description.Name}' has no trainable parameter '{biasParameter}'; its parameters are ({string.Join(", ", layout.Parameters.Select(p => p.Name))}).", nameof(biasParameter));
        int size = layout.States[group].Size;
        if (bias.Length != size)
            throw new ArgumentException($"The bias '{biasParameter}' has {bias.Length} values but the group '{dataGroup}' has {size} units.", nameof(biasParameter));
        int rows = EnergyModelSupport.RowCount(data.Span, size, nameof(data));
        if (rows == 0)
            throw new ArgumentException("The data has no rows.", nameof(data));

        var mean = new double[size];
        ReadOnlySpan<float> values = data.Span;
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < size; i++)
                mean[i] += values[r * size + i];
        var theta = new float[layout.ParameterCount];
        var wanted = new float[size];
        for (int i = 0; i < size; i++)
        {
            double p = Math.Clamp(mean[i] / rows, clip, 1 - clip);
            theta[bias.Offset + i] = wanted[i] = (float)Math.Log(p / (1 - p));
        }
        IGibbsModel model = AsGibbs(target.WithParameters(theta));

        // The parameter's name is only a promise: a bias with the other sign or a scale (an inverse temperature)
        // would give another distribution than the data's marginals, so the logits themselves are checked.
        var states = layout.States.Select(g => new ReadOnlyMemory<float>(new float[g.Size])).ToArray();
        var logits = new float[size];
        model.ConditionalLogits(dataGroup, states, logits);
        for (int i = 0; i < size; i++)
            if (Math.Abs(logits[i] - wanted[i]) > 1e-4 * (1 + Math.Abs(wanted[i])))
                throw new ArgumentException(
                    $"With only '{biasParameter}' set, unit {i} of '{dataGroup}' has logit {logits[i]} instead of {wanted[i]}: the parameter does not enter the energy as −{biasParameter}ᵀ{dataGroup}.",
                    nameof(biasParameter));
        return model;
    }

    /// <summary>
    /// log Z of a fully factorised binary model in closed form: E(u) = E(0) − Σᵢ aᵢuᵢ with aᵢ the logit of unit i, so
    /// log Z = −E(0) + Σᵢ softplus(aᵢ) over every unit of every group. For the base-rate model of an RBM this is
    /// Σ softplus(b) + H·ln 2.
    /// </summary>
    /// <param name="model">A model whose groups are all binary with logits and whose units do not interact.</param>
    /// <returns>log Z in double precision.</returns>
    /// <exception cref="ArgumentException">A group is not binary, or a unit's logit changes when another unit flips.</exception>
    public static double LogZ(IGibbsModel model) => Factorised(model).LogZ;

    /// <summary>The logits of every unit (at the all-zero state) and log Z of a factorised model, after checking it is one.</summary>
    internal static (float[][] Logits, double LogZ) Factorised(IGibbsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelLayout layout = model.Layout;
        foreach (StateLayout g in layout.States)
            if (g.Kind != StateKind.Binary || !model.Structure.BinaryGroups.Contains(g.Name))
                throw new ArgumentException($"A factorised base model has binary groups with logits only; '{layout.Description.Name}' has the group '{g.Name}' of kind {g.Kind}.", nameof(model));

        // Row 0 is the all-zero state, row 1 + j has only unit j on. Flipping unit j must leave every other
        // logit unchanged; for an energy of pairwise interactions that proves the units independent.
        int units = layout.States.Sum(g => g.Size);
        int rows = units + 1;
        var arrays = layout.States.Select(g => new float[rows * g.Size]).ToArray();
        int unit = 0;
        for (int g = 0; g < arrays.Length; g++)
            for (int i = 0; i < layout.States[g].Size; i++, unit++)
                arrays[g][(1 + unit) * layout.States[g].Size + i] = 1f;
        var states = arrays.Select(a => new ReadOnlyMemory<float>(a)).ToArray();
        var logits = new float[layout.States.Count][];
        double logZ = 0;
        for (int g = 0; g < arrays.Length; g++)
        {
            int size = layout.States[g].Size;
            var all = new float[rows * size];
            model.ConditionalLogits(layout.States[g].Name, states, all);
            logits[g] = all.AsSpan(0, size).ToArray();
            for (int r = 1; r < rows; r++)
                for (int i = 0; i < size; i++)
                {
                    float a = logits[g][i], b = all[r * size + i];
                    if (Math.Abs(a - b) > 1e-5 * (1 + Math.Abs(a)))
                        throw new ArgumentException(
                            $"'{layout.Description.Name}' is not factorised: unit {i} of '{layout.States[g].Name}' has logit {a} at the zero state and {b} with unit {r - 1} on. AIS needs a base model whose units are independent.",
                            nameof(model));
                }
            foreach (float a in logits[g])
                logZ += Softplus(a);
        }
        float e0 = model.Energy(layout.States.Select(g => new ReadOnlyMemory<float>(new float[g.Size])).ToArray());
        return (logits, logZ - e0);
    }

    internal static IGibbsModel AsGibbs(IEnergyModel model) =>
        model as IGibbsModel ?? throw new ArgumentException($"'{model.Layout.Description.Name}' with new parameters is not an IGibbsModel.", nameof(model));

    private static double Softplus(double x) => x > 0 ? x + double.LogP1(Math.Exp(-x)) : double.LogP1(Math.Exp(x));
}
