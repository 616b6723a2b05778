using Ebm.Generators.Ir;
using Ebm.Generators.Model;

namespace Ebm.Generators.Structure;

/// <summary>
/// The diagonal of the Jacobian of a gradient ∇ᵤE with respect to u, Hᵢᵢ = ∂²E/∂uᵢ², built symbolically
/// for gradients that are affine in u: sums, products with factors that do not depend on u, and linear maps
/// M·a or a·M of a value a that depends on u unit by unit (whose diagonal is Mᵢᵢ·∂aᵢ/∂uᵢ). Anything else
/// touching u has no rule here, and the analysis reports no diagonal.
/// </summary>
internal sealed class DiagonalJacobian
{
    private readonly IrGraph g;
    private readonly int u;
    private readonly bool[] depends;
    private readonly Dictionary<int, Result?> memo = new();

    /// <summary>The diagonal of a node's Jacobian: null for zero; <c>Elementwise</c> when node i depends on unit i alone.</summary>
    private sealed record Result(int? Diagonal, bool Elementwise);

    private DiagonalJacobian(IrGraph g, int root, int u)
    {
        this.g = g;
        this.u = u;
        depends = new bool[root + 1];
        for (int id = 0; id <= root; id++)
            depends[id] = id == u || g[id].Args.Any(arg => depends[arg]);
    }

    // Hᵢᵢ of the gradient in the input u, as a node (a Scalar when it is one value for every unit), or null for
    // zero; elementwise says whether the whole Hessian is diagonal. False where no rule applies.
    public static bool TryCompute(IrGraph g, int gradient, int u, out int? diagonal, out bool elementwise)
    {
        var result = new DiagonalJacobian(g, gradient, u).Of(gradient);
        diagonal = result?.Diagonal;
        elementwise = result?.Elementwise ?? false;
        return result is not null;
    }

    private Result? Of(int id)
    {
        if (!depends[id])
            return new Result(null, true);
        if (id == u)
            return new Result(g.Constant(1), true);
        if (memo.TryGetValue(id, out var known))
            return known;
        var result = Compute(id);
        memo[id] = result;
        return result;
    }

    private Result? Compute(int id)
    {
        IrNode node = g[id];
        int a = node.Args.Count > 0 ? node.Args[0] : -1, b = node.Args.Count > 1 ? node.Args[1] : -1;
        // Only values of u's shape carry a diagonal; a scalar that depends on u (a Sum, a Dot) couples all units.
        if (node.Shape != g.ShapeOf(u))
            return null;
        switch (node.Op)
        {
            case IrOp.Negate:
                return Of(a) is { } n ? n with { Diagonal = n.Diagonal is int d ? g.Negate(d) : null } : null;
            case IrOp.Add or IrOp.Subtract:
                if (Of(a) is not { } l || Of(b) is not { } r)
                    return null;
                int? sum = l.Diagonal is not int x ? (r.Diagonal is int y && node.Op == IrOp.Subtract ? g.Negate(y) : r.Diagonal)
                    : r.Diagonal is not int z ? x
                    : node.Op == IrOp.Add ? g.Add(x, z) : g.Subtract(x, z);
                return new Result(sum, l.Elementwise && r.Elementwise);
            case IrOp.Multiply:
                // (ab)ᵢ' = aᵢ'bᵢ + aᵢbᵢ': a product of values of u's shape, or one scaled by a scalar that does not depend on u.
                if (Of(a) is not { } p || Of(b) is not { } q)
                    return null;
                int? left = p.Diagonal is int pd ? g.Multiply(pd, b) : null;
                int? right = q.Diagonal is int qd ? g.Multiply(a, qd) : null;
                int? product = left is int lp ? (right is int rp ? g.Add(lp, rp) : lp) : right;
                return new Result(product, p.Elementwise && q.Elementwise);
            case IrOp.Divide when !depends[b]:
                return Of(a) is { } num ? num with { Diagonal = num.Diagonal is int nd ? g.Divide(nd, b) : null } : null;
            case IrOp.MatVec when !depends[a] && Square(a):
                return Of(b) is { Elementwise: true } mv ? new Result(mv.Diagonal is int md ? g.Multiply(g.Diagonal(a), md) : null, false) : null;
            case IrOp.VecMat when !depends[b] && Square(b):
                return Of(a) is { Elementwise: true } vm ? new Result(vm.Diagonal is int vd ? g.Multiply(vd, g.Diagonal(b)) : null, false) : null;
            default:
                return null;
        }
    }

    private bool Square(int m) => g.ShapeOf(m).Rows == g.ShapeOf(m).Cols;
}
