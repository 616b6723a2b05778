using System.Globalization;
using Ebm.Generators.Model;

namespace Ebm.Generators.Emit;

/// <summary>
/// Where the OpenCL functions of a model find things. Sizes are the macros <c>EBM_SIZE_k</c> (k the size's index
/// in the description), defined by the runtime when it builds the program, so private arrays have constant
/// lengths. State group k of a chain is the row <c>s{k}</c>. Parameters are one buffer <c>p</c>: the trainable
/// vector as <c>ModelLayout</c> lays it out, then every const parameter in declaration order, row-major.
/// Names are by index because DSL names may be OpenCL keywords or non-ASCII; the comments give the DSL names.
/// </summary>
internal sealed class OpenClLayout
{
    private readonly Dictionary<string, int> stateIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> offsets = new(StringComparer.Ordinal);

    public OpenClLayout(ModelSpec model)
    {
        Model = model;
        States = model.Inputs.Where(i => i.IsState).ToList();
        for (int k = 0; k < States.Count; k++)
            stateIndex[States[k].Name] = k;
        var parameters = model.Inputs.Where(i => i.Role == Role.Trainable).Concat(model.Inputs.Where(i => i.Role == Role.Const)).ToList();
        var before = new List<string>();
        foreach (var p in parameters)
        {
            offsets[p.Name] = before.Count == 0 ? "0" : "(" + string.Join(" + ", before) + ")";
            before.Add(LengthOf(p.Shape));
        }
    }

    public ModelSpec Model { get; }

    /// <summary>Every state group in declaration order: group k is <c>s{k}</c>.</summary>
    public IReadOnlyList<InputSpec> States { get; }

    /// <summary>The macro of size <paramref name="index"/>.</summary>
    public static string Size(int index) => "EBM_SIZE_" + index.ToString(CultureInfo.InvariantCulture);

    public int StateIndex(string name) => stateIndex[name];

    /// <summary>The number of units of a state group, as a macro.</summary>
    public string StateSize(InputSpec state) => Size(state.Shape.Length);

    /// <summary>The element of an input at the given indices: a state's row, or the parameter buffer.</summary>
    public string Input(string name, Shape shape, string[] idx)
    {
        if (stateIndex.TryGetValue(name, out int k))
            return $"s{k}[{idx[0]}]";
        string offset = offsets[name];
        return shape.Rank switch
        {
            Rank.Scalar => $"p[{offset}]",
            Rank.Vector => $"p[{offset} + {idx[0]}]",
            _ => $"p[{offset} + ({idx[0]}) * {Size(shape.Cols)} + {idx[1]}]",
        };
    }

    private static string LengthOf(Shape shape) => shape.Rank switch
    {
        Rank.Scalar => "1",
        Rank.Vector => Size(shape.Length),
        _ => $"{Size(shape.Rows)} * {Size(shape.Cols)}",
    };
}
