using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Tests;

/// <summary>
/// The IR's simplifications, its sharing of equal values, and the shape of the derivatives it builds for
/// the built-in models (their numbers are checked against finite differences in Ebm.Dsl.Tests).
/// </summary>
public class IrTests
{
    private static readonly Shape Vec = Shape.Vector(0);

    private static (IrGraph G, int X, int Y) TwoVectors()
    {
        var g = new IrGraph();
        return (g, g.Input("x", IrInputKind.ContinuousState, Vec), g.Input("y", IrInputKind.Trainable, Vec));
    }

    [Fact]
    public void Identities_fold_away()
    {
        var (g, x, y) = TwoVectors();
        Assert.Equal(x, g.Multiply(x, g.Constant(1)));
        Assert.Equal(x, g.Multiply(g.Constant(1), x));
        Assert.Equal(x, g.Add(x, g.Constant(0)));
        Assert.Equal(x, g.Subtract(x, g.Constant(0)));
        Assert.Equal(x, g.Divide(x, g.Constant(1)));
        Assert.Equal(x, g.Negate(g.Negate(x)));
        Assert.Equal(g.Negate(x), g.Multiply(g.Constant(-1), x));
        Assert.Equal(g.Negate(y), g.Subtract(g.Constant(0), y));
    }

    [Fact]
    public void Constants_fold_and_gather()
    {
        var (g, x, _) = TwoVectors();
        Assert.True(g.IsConstant(g.Divide(g.Multiply(g.Constant(2), g.Constant(3)), g.Constant(4)), 1.5));
        Assert.True(g.IsConstant(g.Negate(g.Subtract(g.Constant(1), g.Constant(3))), 2));
        Assert.Equal(g.Multiply(g.Constant(6), x), g.Multiply(g.Constant(2), g.Multiply(g.Constant(3), x)));
    }

    [Fact]
    public void Negations_move_outward_and_subtractions_absorb_them()
    {
        var (g, x, y) = TwoVectors();
        Assert.Equal(g.Negate(g.Multiply(x, y)), g.Multiply(g.Negate(x), y));
        Assert.Equal(g.Negate(g.Divide(x, y)), g.Divide(x, g.Negate(y)));
        Assert.Equal(g.Subtract(x, y), g.Add(x, g.Negate(y)));
        Assert.Equal(g.Add(x, y), g.Subtract(x, g.Negate(y)));
        Assert.Equal("-Outer(x, y)", IrFormatter.Format(g, g.Outer(g.Negate(x), y)));
    }

    [Fact]
    public void Building_a_value_twice_gives_one_node()
    {
        var (g, x, y) = TwoVectors();
        int first = g.Dot(g.Function(IrOp.Exp, x), y);
        int count = g.Count;
        Assert.Equal(first, g.Dot(g.Function(IrOp.Exp, x), y));
        Assert.Equal(count, g.Count);
    }

    [Fact]
    public void Silu_holds_its_sigmoid_which_the_derivative_and_other_uses_share()
    {
        var (g, x, _) = TwoVectors();
        int silu = g.Silu(x);
        Assert.Equal(g.Function(IrOp.Sigmoid, x), g[silu].Args[1]);
        var adjoint = ReverseMode.Differentiate(g, g.Reduce(IrOp.Sum, silu), g.Constant(1), [x]);
        Assert.Single(Enumerable.Range(0, g.Count), id => g[id].Op == IrOp.Sigmoid);
        Assert.Equal("Sigmoid(x) * (1 + x * (1 - Sigmoid(x)))", IrFormatter.Format(g, adjoint[x]));
    }

    [Fact]
    public void The_rbm_parameter_gradient_is_minus_the_weighted_outer_product_and_skips_the_energy()
    {
        var program = EnergyPrograms.ParameterGradient(Model("BernoulliRbm"));
        Assert.Equal(
            ["W: -Outer(weight * v, h)", "b: -(weight * v)", "c: -(weight * h)"],
            program.Outputs.Select(o => $"{o.Name}: {IrFormatter.Format(program.Graph, o.Node!.Value)}"));
    }

    [Fact]
    public void Binary_groups_and_const_parameters_get_no_adjoint()
    {
        var program = EnergyPrograms.StateGradient(Model("GaussianBernoulliRbm"));
        var g = program.Graph;
        var differentiated = Enumerable.Range(0, g.Count).Select(g.AdjointOf).OfType<int>().Select(id => g[id]).ToList();
        Assert.DoesNotContain(differentiated, n => n.Op == IrOp.Input && n.Name is "h" or "sigma" or "c" or "W");
        // ∂/∂v [‖v − b‖²/(2σ²) − vᵀWh/σ] = −(1/σ)·Wh + 2·(1/(2σ²))·(v − b), with −1/σ folded into one constant quotient.
        Assert.Equal("-1 / sigma * (W * h) + 2 * (1 / (2 * sigma * sigma)) * (v - b)", IrFormatter.Format(g, program.Outputs[1].Node!.Value));
    }

    [Fact]
    public void The_mlp_state_gradient_reuses_the_forward_sigmoids()
    {
        var program = EnergyPrograms.StateGradient(Model("MlpEnergy"));
        var g = program.Graph;
        Assert.Equal(2, Enumerable.Range(0, g.Count).Count(id => g[id].Op == IrOp.Sigmoid));
        Assert.Equal(2, Enumerable.Range(0, g.Count).Count(id => g[id].Op == IrOp.MatVec));
        Assert.Equal(2, Enumerable.Range(0, g.Count).Count(id => g[id].Op == IrOp.VecMat));
    }

    /// <summary>The model the generator parsed from a built-in declaration, taken from its pipeline.</summary>
    internal static ModelSpec Model(string name)
    {
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(GeneratorHarness.Compile(GeneratorHarness.Model(name)));
        var step = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Models];
        return (ModelSpec)step.Single().Outputs.Single().Value;
    }
}
