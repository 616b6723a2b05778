namespace Ebm;

/// <summary>
/// A model's description with its sizes made concrete: how long each state group's rows are, and where
/// each trainable parameter lies in the flat parameter vector that optimizers update. Everything here
/// follows from the description and the size values, so two layouts are equal when those are.
/// </summary>
/// <remarks>
/// The flat vector holds the trainable parameters only, in declaration order, each row-major; const
/// parameters are part of a model's values but never of this vector, so an optimizer cannot move them.
/// </remarks>
public sealed record ModelLayout
{
    /// <summary>The layout of <paramref name="description"/> at the given size values.</summary>
    /// <param name="description">The model's symbolic description.</param>
    /// <param name="sizes">One value per <see cref="ModelDescription.Sizes"/>, in that order; none negative.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of sizes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, or the parameters do not fit in one array.</exception>
    public ModelLayout(ModelDescription description, IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count != description.Sizes.Count)
            throw new ArgumentException(
                $"{description.Name} has {description.Sizes.Count} sizes ({string.Join(", ", description.Sizes)}) but {sizes.Count} values were given.",
                nameof(sizes));
        for (int i = 0; i < sizes.Count; i++)
            if (sizes[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(sizes), sizes[i], $"The size {description.Sizes[i]} of {description.Name} must not be negative.");

        Description = description;
        Sizes = Sequences.Freeze(sizes, nameof(sizes));
        States = Array.AsReadOnly(description.States.Select(s => new StateLayout(s.Name, s.Kind, Size(s.Size))).ToArray());
        ContinuousStates = Array.AsReadOnly(States.Where(s => s.Kind == StateKind.Continuous).ToArray());

        var parameters = new List<ParameterLayout>();
        long offset = 0;
        foreach (var parameter in description.Parameters.Where(p => p.IsTrainable))
        {
            int[] shape = parameter.Shape.Select(Size).ToArray();
            long length = shape.Aggregate(1L, (product, size) => product * size);
            if (offset + length > Array.MaxLength)
                throw new ArgumentOutOfRangeException(nameof(sizes), $"The parameters of {description.Name} need more than {Array.MaxLength} floats at these sizes.");
            parameters.Add(new ParameterLayout(parameter.Name, parameter.Rank, shape, (int)offset, (int)length));
            offset += length;
        }
        Parameters = parameters.AsReadOnly();
        ParameterCount = (int)offset;
    }

    /// <summary>The model's symbolic description.</summary>
    public ModelDescription Description { get; }

    /// <summary>The value of each of <see cref="ModelDescription.Sizes"/>, in that order.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Every state group in declaration order: the order in which batch methods take them.</summary>
    public IReadOnlyList<StateLayout> States { get; }

    /// <summary>The continuous groups in declaration order: the order in which state gradients are written.</summary>
    public IReadOnlyList<StateLayout> ContinuousStates { get; }

    /// <summary>The trainable parameters in declaration order, with their places in the flat vector.</summary>
    public IReadOnlyList<ParameterLayout> Parameters { get; }

    /// <summary>The length of the flat parameter vector: the number of trainable values.</summary>
    public int ParameterCount { get; }

    /// <summary>The value of the size named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The model has no size of that name.</exception>
    public int Size(string name) => Sizes[IndexOf(Description.Sizes, name, "size")];

    /// <summary>The position of the state group named <paramref name="name"/> in <see cref="States"/>.</summary>
    /// <exception cref="ArgumentException">The model has no state group of that name.</exception>
    public int StateIndex(string name) => IndexOf(States.Select(s => s.Name).ToList(), name, "state group");

    /// <summary>The trainable parameter named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The model has no trainable parameter of that name.</exception>
    public ParameterLayout Parameter(string name) => Parameters[IndexOf(Parameters.Select(p => p.Name).ToList(), name, "trainable parameter")];

    /// <summary>Equal when the descriptions and the size values are.</summary>
    public bool Equals(ModelLayout? other) =>
        other is not null && Description.Equals(other.Description) && Sizes.SequenceEqual(other.Sizes);

    /// <summary>Consistent with <see cref="Equals(ModelLayout)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Description, Sequences.Hash(Sizes));

    private int IndexOf(IReadOnlyList<string> names, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        throw new ArgumentException($"{Description.Name} has no {what} named '{name}'; it has {string.Join(", ", names)}.", nameof(name));
    }
}
