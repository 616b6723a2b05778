using Ebm.Generators.Model;

namespace Ebm.Generators.Ir;

/// <summary>Where an <see cref="IrOp.Input"/> comes from.</summary>
internal enum IrInputKind
{
    ContinuousState,
    BinaryState,
    Trainable,
    Const,

    /// <summary>The weight of each row in a parameter gradient: the seed of the reverse pass.</summary>
    Weight,

    /// <summary>The direction u of a continuous group in u·∇ₓE, one row per state like the group itself.</summary>
    Direction,
}

/// <summary>
/// One value of the SSA graph. Nodes are compared structurally and the graph keeps one node per structure
/// (hash-consing), which is the common-subexpression elimination: building a value twice yields one node.
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="Shape">Rank and symbolic sizes, indices into the model's sizes.</param>
/// <param name="Args">The operands, as node ids; they are always smaller than this node's id.</param>
/// <param name="Value">The value of a <see cref="IrOp.Constant"/>; 0 otherwise.</param>
/// <param name="Name">The name of an <see cref="IrOp.Input"/>; null otherwise.</param>
/// <param name="Kind">The kind of an <see cref="IrOp.Input"/>; <see cref="IrInputKind.Const"/> otherwise.</param>
internal sealed record IrNode(IrOp Op, Shape Shape, ImmutableEquatableArray<int> Args, double Value, string? Name, IrInputKind Kind)
{
    public bool IsElementwise => Op is >= IrOp.Negate and <= IrOp.Outer;
}
