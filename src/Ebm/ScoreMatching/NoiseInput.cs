namespace Ebm.ScoreMatching;

/// <summary>
/// Energies that take the noise level σ as an input (a one-unit continuous state group, E(x, s) evaluated at s = σ)
/// rather than as a <c>[Const]</c>: <see cref="AtNoise"/> turns such a model into the family σ ↦ E(·, σ) of one-group
/// models that <see cref="ScoreTrainer.TrainNoiseConditional"/>, <c>Langevin.Annealed</c> and
/// <c>DiffusionSampler.Sample</c> take, so the σ-input and the σ-constant forms share one trainer and one set of
/// samplers. The score is the gradient in x alone; the σ group never moves.
/// </summary>
public static class NoiseInput
{
    /// <summary>The model with its noise group held at σ, for each σ.</summary>
    /// <param name="model">A model whose state groups are the data group and <paramref name="noiseGroup"/>, both continuous.</param>
    /// <param name="noiseGroup">The group that holds σ; one unit.</param>
    /// <returns>σ ↦ a one-group model of the data group; its parameters are <paramref name="model"/>'s.</returns>
    /// <exception cref="ArgumentException">The model does not have that shape.</exception>
    public static Func<float, IScoreModel> AtNoise(IScoreModel model, string noiseGroup)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(noiseGroup);
        var shape = NoiseInputShape.Of(model.Layout, noiseGroup);
        return sigma =>
        {
            ScoreMatchingLosses.CheckSigma(sigma);
            return new NoiseInputModel(model, shape, sigma);
        };
    }

    /// <summary>The model the family was built from, at the parameters of <paramref name="atNoise"/> (e.g. a trained one).</summary>
    /// <param name="atNoise">A model returned by a function of <see cref="AtNoise"/>, or one bound to new parameters from it.</param>
    /// <returns>The two-group model, for a model file.</returns>
    /// <exception cref="ArgumentException"><paramref name="atNoise"/> is not such a model.</exception>
    public static IScoreModel Underlying(IEnergyModel atNoise) =>
        atNoise is NoiseInputModel m ? m.Inner
        : throw new ArgumentException($"'{atNoise?.Layout.Description.Name}' is not a model built by {nameof(NoiseInput)}.{nameof(AtNoise)}.", nameof(atNoise));
}

/// <summary>Where the data and noise groups sit in the full model, and the one-group layout the adapter presents.</summary>
internal sealed record NoiseInputShape(int Data, int Noise, int DataContinuous, int NoiseContinuous, ModelLayout Layout)
{
    public static NoiseInputShape Of(ModelLayout layout, string noiseGroup)
    {
        string name = layout.Description.Name;
        int noise = layout.StateIndex(noiseGroup);
        if (layout.States.Count != 2 || layout.ContinuousStates.Count != 2)
            throw new ArgumentException(
                $"A σ-input model has two continuous state groups, the data and '{noiseGroup}'; '{name}' has ({string.Join(", ", layout.States.Select(s => $"{s.Name}: {s.Kind}"))}).",
                nameof(layout));
        if (layout.States[noise].Size != 1)
            throw new ArgumentException($"The noise group '{noiseGroup}' of '{name}' must hold one unit (σ); it has {layout.States[noise].Size}.", nameof(layout));
        int data = 1 - noise;
        int Continuous(int g) => layout.ContinuousStates.ToList().FindIndex(s => s.Name == layout.States[g].Name);
        ModelDescription d = layout.Description;
        // The adapter's layout: the same parameters and sizes, the data group alone.
        var description = d with { States = [d.States[data]], Structure = ModelStructure.None };
        return new NoiseInputShape(data, noise, Continuous(data), Continuous(noise), new ModelLayout(description, layout.Sizes));
    }
}

/// <summary>A σ-input model with σ fixed: every call adds the σ column (and a zero direction for it) and keeps x's outputs.</summary>
internal sealed class NoiseInputModel(IScoreModel inner, NoiseInputShape shape, float sigma) : IScoreModel, IRebindableModel
{
    public IScoreModel Inner => inner;

    public ModelLayout Layout => shape.Layout;

    public void CopyParameters(Span<float> destination) => inner.CopyParameters(destination);

    public IEnergyModel WithParameters(ReadOnlySpan<float> values) => new NoiseInputModel((IScoreModel)inner.WithParameters(values), shape, sigma);

    public IEnergyModel Rebind(float[] values) =>
        new NoiseInputModel((IScoreModel)(inner is IRebindableModel r ? r.Rebind(values) : inner.WithParameters(values)), shape, sigma);

    private int Rows(IReadOnlyList<ReadOnlyMemory<float>> states)
    {
        if (states is null || states.Count != 1)
            throw new ArgumentException($"'{Layout.Description.Name}' at a fixed σ has one state group; {states?.Count ?? 0} batches were given.", nameof(states));
        int size = Layout.States[0].Size;
        return EnergyModelSupport.RowCount(states[0].Span, size, nameof(states));
    }

    private ReadOnlyMemory<float>[] Full(IReadOnlyList<ReadOnlyMemory<float>> states, int rows)
    {
        var column = new float[rows];
        Array.Fill(column, sigma);
        var full = new ReadOnlyMemory<float>[2];
        full[shape.Data] = states[0];
        full[shape.Noise] = column;
        return full;
    }

    private ReadOnlyMemory<float>[] Directions(IReadOnlyList<ReadOnlyMemory<float>> directions, int rows)
    {
        if (directions is null || directions.Count != 1)
            throw new ArgumentException("One batch of directions, for the data group.", nameof(directions));
        var full = new ReadOnlyMemory<float>[2];
        full[shape.DataContinuous] = directions[0];
        full[shape.NoiseContinuous] = new float[rows];   // σ does not move
        return full;
    }

    public float Energy(IReadOnlyList<ReadOnlyMemory<float>> state)
    {
        var energy = new float[1];
        Energy(state, energy);
        return energy[0];
    }

    public void Energy(IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> energies) =>
        inner.Energy(Full(states, Rows(states)), energies);

    public float StateGradient(IReadOnlyList<ReadOnlyMemory<float>> state, IReadOnlyList<Memory<float>> gradients)
    {
        var energy = new float[1];
        StateGradient(state, gradients, energy);
        return energy[0];
    }

    public void StateGradient(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<Memory<float>> gradients, Span<float> energies)
    {
        int rows = Rows(states);
        if (gradients is null || gradients.Count != 1)
            throw new ArgumentException("One gradient batch, for the data group.", nameof(gradients));
        var full = new Memory<float>[2];
        full[shape.DataContinuous] = gradients[0];
        full[shape.NoiseContinuous] = new float[rows];
        inner.StateGradient(Full(states, rows), full, energies);
    }

    public void AccumulateParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, ReadOnlySpan<float> weights, Span<float> gradient) =>
        inner.AccumulateParameterGradient(Full(states, Rows(states)), weights, gradient);

    public void AccumulateDirectionalParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<ReadOnlyMemory<float>> directions,
                                                       ReadOnlySpan<float> weights, Span<float> gradient)
    {
        int rows = Rows(states);
        inner.AccumulateDirectionalParameterGradient(Full(states, rows), Directions(directions, rows), weights, gradient);
    }

    public void DirectionalSecondDerivative(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<ReadOnlyMemory<float>> directions, Span<float> values)
    {
        int rows = Rows(states);
        inner.DirectionalSecondDerivative(Full(states, rows), Directions(directions, rows), values);
    }

    public void AccumulateDirectionalSecondDerivativeParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<ReadOnlyMemory<float>> directions,
                                                                       ReadOnlySpan<float> weights, Span<float> gradient)
    {
        int rows = Rows(states);
        inner.AccumulateDirectionalSecondDerivativeParameterGradient(Full(states, rows), Directions(directions, rows), weights, gradient);
    }

    // The inner Laplacian would add ∂²E/∂σ²; the data group's is the sum of the second derivatives along its unit vectors.
    public void Laplacian(IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> laplacians)
    {
        int rows = Rows(states), size = Layout.States[0].Size;
        laplacians[..rows].Clear();
        var along = new float[rows];
        for (int i = 0; i < size; i++)
        {
            DirectionalSecondDerivative(states, [UnitVector(rows, size, i)], along);
            for (int r = 0; r < rows; r++)
                laplacians[r] += along[r];
        }
    }

    public void AccumulateLaplacianParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, ReadOnlySpan<float> weights, Span<float> gradient)
    {
        int rows = Rows(states), size = Layout.States[0].Size;
        for (int i = 0; i < size; i++)
            AccumulateDirectionalSecondDerivativeParameterGradient(states, [UnitVector(rows, size, i)], weights, gradient);
    }

    private static float[] UnitVector(int rows, int size, int unit)
    {
        var u = new float[rows * size];
        for (int r = 0; r < rows; r++)
            u[r * size + unit] = 1f;
        return u;
    }
}
