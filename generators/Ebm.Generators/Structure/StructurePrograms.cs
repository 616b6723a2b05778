using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Structure;

/// <summary>
/// The programs structure analysis makes possible, each in a graph of its own: a binary group's conditional
/// logits, the free energy with a summable group summed out, and a Gaussian group's conditional mean and
/// variance. Each starts from the energy and its gradient (<see cref="StructureAnalysis.Differentiate"/>).
/// </summary>
internal static class StructurePrograms
{
    public const string Logits = "logits", Mean = "mean", Variance = "variance";

    /// <summary>
    /// E(uᵢ = 0) − E(uᵢ = 1) for every unit of a binary group. E is at most quadratic in u, so along one unit
    /// E(uᵢ = 1) − E(uᵢ = 0) = ∂E/∂uᵢ + Hᵢᵢ(½ − uᵢ) at the current u (exact for a quadratic), Hᵢᵢ = ∂²E/∂uᵢ²;
    /// with u affine (no quadratic term) H is zero and the logit is −∂E/∂u, which does not depend on u.
    /// </summary>
    public static IrProgram ConditionalLogits(ModelSpec model, string group)
    {
        var d = StructureAnalysis.Differentiate(model);
        var g = d.Graph;
        int u = d.Inputs[group];
        if (!d.Gradients.TryGetValue(group, out int gradient))
            return new IrProgram(g, new[] { new IrOutput(OutputKind.Conditional, Logits, null) });
        StructureAnalysis.HessianDiagonal(d, group, out int? h, out _);
        int change = h is int diagonal ? g.Add(gradient, g.Multiply(diagonal, g.Subtract(g.Constant(0.5), u))) : gradient;
        return new IrProgram(g, new[] { new IrOutput(OutputKind.Conditional, Logits, g.Negate(Full(g, change, g.ShapeOf(u)))) });
    }

    /// <summary>
    /// F = −log Σᵤ e^(−E) over a summable group u: with E = E(u = 0) + Σⱼ uⱼ·∂E/∂uⱼ and ∂E/∂u free of u, the sum
    /// factorises per unit into 1 + e^(−∂E/∂uⱼ), so F = E(u = 0) − Σⱼ softplus(−∂E/∂uⱼ).
    /// </summary>
    public static IrProgram FreeEnergy(ModelSpec model, string group)
    {
        var d = StructureAnalysis.Differentiate(model);
        var g = d.Graph;
        int atZero = ZeroSubstitution.Apply(g, d.Energy, d.Inputs[group]);
        int free = d.Gradients.TryGetValue(group, out int gradient)
            ? g.Subtract(atZero, g.Reduce(IrOp.Sum, g.Function(IrOp.Softplus, g.Negate(gradient))))
            // E does not depend on u: each unit contributes a factor 2.
            : g.Subtract(atZero, g.Multiply(g.Constant(Math.Log(2)), g.Reduce(IrOp.Sum, ZeroSubstitution.Materialize(g, null, g.ShapeOf(d.Inputs[group])))));
        return new IrProgram(g, new[] { new IrOutput(OutputKind.Energy, "F", free) });
    }

    /// <summary>
    /// p(x | rest) of a group whose energy is quadratic in x with a diagonal Hessian H: independent normals with
    /// variance 1/Hᵢᵢ and mean x − H⁻¹∇ₓE at any x, here x = 0, so mean = −∇ₓE(x = 0)/H.
    /// </summary>
    public static IrProgram GaussianConditional(ModelSpec model, string group)
    {
        var d = StructureAnalysis.Differentiate(model);
        var g = d.Graph;
        int x = d.Inputs[group];
        Shape shape = g.ShapeOf(x);
        StructureAnalysis.HessianDiagonal(d, group, out int? h, out _);
        int hessian = h ?? g.Constant(0);
        int slopeAtZero = ZeroSubstitution.Apply(g, d.Gradients[group], x);
        int mean = g.Negate(g.Divide(slopeAtZero, hessian));
        int variance = g.Divide(g.Constant(1), hessian);
        return new IrProgram(g, new[]
        {
            new IrOutput(OutputKind.Conditional, Mean, Full(g, mean, shape)),
            new IrOutput(OutputKind.Conditional, Variance, Full(g, variance, shape)),
        });
    }

    private static int Full(IrGraph g, int value, Shape shape) => g.Broadcast(IrOp.Broadcast, value, shape);
}
