using Ebm.Generators.Model;
using static Ebm.Generators.EnergyModelGenerator;

namespace Ebm.Generators.Emit;

/// <summary>
/// The names the generated members of one model use: the qualified class, the <c>Parameters</c> members for
/// the sizes, and the model's inputs grouped by role. DSL names are kept as they are wherever they can be,
/// so that generated code reads like the declaration.
/// </summary>
internal sealed class ModelNames
{
    /// <summary>Members of the Parameters record that a DSL parameter cannot be named (checked by EBM0021).</summary>
    public static IReadOnlyCollection<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Parameters", "Layout", "Vector", "ToVector", "WithVector", "Create",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "EqualityContract", "PrintMembers", "Deconstruct",
    };

    /// <summary>The members the generator adds to every model class (checked by EBM0022).</summary>
    public static IReadOnlyCollection<string> ClassMembers { get; } = new[] { "Create", "Description", "Model", "Parameters" };

    public ModelNames(ModelSpec model)
    {
        Model = model;
        var parts = new[] { model.Namespace }.Where(n => n is not null).SelectMany(n => n!.Split('.'))
            .Concat(model.ContainingTypes.Select(t => t.Name)).Append(model.ClassName);
        Qualified = "global::" + string.Join(".", parts.Select(Emitter.Identifier));
        States = model.Inputs.Where(i => i.IsState).ToList();
        Continuous = model.Inputs.Where(i => i.Role == Role.ContinuousState).ToList();
        Trainable = model.Inputs.Where(i => i.Role == Role.Trainable).ToList();
        Const = model.Inputs.Where(i => i.Role == Role.Const).ToList();

        // A size is a member of Parameters beside the parameters; one named like a parameter gets a suffix.
        var members = new NameTable(model.Inputs.Where(i => !i.IsState).Select(i => i.Name).Concat(Reserved));
        SizeMembers = model.Sizes.Select(size => members.Fresh(model.Inputs.Any(i => !i.IsState && i.Name == size) ? size + "Size" : size)).ToList();
    }

    public ModelSpec Model { get; }

    /// <summary>The model class with its namespace and containing types, from global::.</summary>
    public string Qualified { get; }

    public IReadOnlyList<InputSpec> States { get; }

    public IReadOnlyList<InputSpec> Continuous { get; }

    public IReadOnlyList<InputSpec> Trainable { get; }

    public IReadOnlyList<InputSpec> Const { get; }

    /// <summary>The member of Parameters holding each size, by size index.</summary>
    public IReadOnlyList<string> SizeMembers { get; }

    /// <summary>The number of entries of a shape, as C# over the given size expressions: "1" for a scalar.</summary>
    public static string Length(Shape shape, IReadOnlyList<string> sizes) =>
        shape.Rank == Rank.Scalar ? "1" : string.Join(" * ", shape.Sizes.Select(s => sizes[s]));

    /// <summary>Where trainable parameter <paramref name="index"/> starts in the flat vector, as C# over the given size expressions.</summary>
    public string Offset(int index, IReadOnlyList<string> sizes) =>
        index == 0 ? "0" : string.Join(" + ", Trainable.Take(index).Select(p => Length(p.Shape, sizes)));

    /// <summary>The shape in DSL notation with size names, e.g. Mat[v, h].</summary>
    public string ShapeText(Shape shape) => ExprFormatter.Format(shape, Model.Sizes);

    /// <summary>The names of the state groups, for messages: "v, h".</summary>
    public string StateList => string.Join(", ", States.Select(s => s.Name));

    /// <summary>A state group's name as the suffix of its generated methods (ConditionalLogitsH): the first letter upper-cased.</summary>
    public static string GroupSuffix(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);
}
