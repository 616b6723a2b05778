namespace Ebm;

/// <summary>
/// What the generator read from an energy model's declaration; emitted as the model's static
/// <c>Description</c> property.
/// </summary>
/// <param name="Name">The model class's name.</param>
/// <param name="Sizes">The free sizes, in the order of their first carrier; each is named after the first state or parameter that carries it (a matrix's as <c>nameRows</c> / <c>nameCols</c>).</param>
/// <param name="States">The state groups, in declaration order.</param>
/// <param name="Parameters">The parameters, trainable and const, in declaration order.</param>
public sealed record ModelDescription(
    string Name,
    IReadOnlyList<string> Sizes,
    IReadOnlyList<StateGroup> States,
    IReadOnlyList<ModelParameter> Parameters)
{
    /// <summary>The free sizes (a read-only copy of what was given).</summary>
    public IReadOnlyList<string> Sizes { get; init => field = Sequences.Freeze(value, nameof(Sizes)); } = Sequences.Freeze(Sizes, nameof(Sizes));

    /// <summary>The state groups (a read-only copy of what was given).</summary>
    public IReadOnlyList<StateGroup> States { get; init => field = Sequences.Freeze(value, nameof(States)); } = Sequences.Freeze(States, nameof(States));

    /// <summary>The parameters (a read-only copy of what was given).</summary>
    public IReadOnlyList<ModelParameter> Parameters { get; init => field = Sequences.Freeze(value, nameof(Parameters)); } = Sequences.Freeze(Parameters, nameof(Parameters));

    /// <summary>What structure analysis derived from the energy: Gibbs blocks, summable and Gaussian groups; <see cref="ModelStructure.None"/> unless given.</summary>
    public ModelStructure Structure { get; init => field = value ?? throw new ArgumentNullException(nameof(Structure)); } = ModelStructure.None;

    /// <summary>Equal when every member is, lists compared entry by entry.</summary>

    public bool Equals(ModelDescription? other) =>
        other is not null && Name == other.Name && Sizes.SequenceEqual(other.Sizes)
        && States.SequenceEqual(other.States) && Parameters.SequenceEqual(other.Parameters) && Structure.Equals(other.Structure);

    /// <summary>Consistent with <see cref="Equals(ModelDescription)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Name, Sequences.Hash(Sizes), Sequences.Hash(States), Sequences.Hash(Parameters), Structure);
}
