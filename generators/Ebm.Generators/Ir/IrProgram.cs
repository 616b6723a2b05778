namespace Ebm.Generators.Ir;

/// <summary>What an output of a program is for, which decides how the emitter stores it.</summary>
internal enum OutputKind
{
    /// <summary>The energy: returned for one state, written to <c>energies</c> for a batch.</summary>
    Energy,

    /// <summary>∂E/∂x of a continuous group: written to the caller's span, zeroed where the derivative is zero.</summary>
    StateGradient,

    /// <summary>∂E/∂θ of a trainable parameter, weighted: summed over the batch and added to the caller's gradient.</summary>
    ParameterGradient,

    /// <summary>A conditional of a state group (logits, Gaussian mean or variance): written whole to the caller's span like a state gradient.</summary>
    Conditional,
}

/// <summary>One output of a program: which input (or the energy) it belongs to, and its node, or null for zero.</summary>
/// <param name="Kind">What the output is for.</param>
/// <param name="Name">The state group or parameter it is the derivative for; "E" for the energy.</param>
/// <param name="Node">The node holding it, or null where it is identically zero.</param>
internal sealed record IrOutput(OutputKind Kind, string Name, int? Node);

/// <summary>A graph and the outputs one generated method computes from it.</summary>
/// <param name="Graph">The nodes, forward and adjoint.</param>
/// <param name="Outputs">What the method stores, in order.</param>
/// <param name="Objective">What the parameter-gradient outputs differentiate, for the comments: E, or u·∇ₓE.</param>
internal sealed record IrProgram(IrGraph Graph, IReadOnlyList<IrOutput> Outputs, string Objective = "E");
