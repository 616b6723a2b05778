using Ebm.Generators.Ir;

namespace Ebm.Generators.Structure;

/// <summary>
/// Which products of state groups each node of a forward graph contains: an abstract interpretation of the
/// energy as a polynomial in its state groups, keeping only how often each group occurs in each monomial
/// (not which units). A count of 1 is linear, 2 quadratic (u² or uᵢuⱼ within one group), and
/// <see cref="NonPolynomial"/> marks a group inside an Exp, Log, a division or anything else that is not a
/// polynomial, or a power above two. Parameters and constants are the empty monomial.
/// </summary>
internal static class StateMonomials
{
    /// <summary>The count that stands for "not a polynomial of degree ≤ 2 in this group".</summary>
    public const int NonPolynomial = 3;

    /// <summary>The monomials of <paramref name="root"/>, each an array of counts indexed like <paramref name="groups"/>.</summary>
    public static IReadOnlyCollection<int[]> Of(IrGraph g, int root, IReadOnlyList<string> groups)
    {
        var sets = new List<Dictionary<string, int[]>>(root + 1);
        var constant = Set(new int[groups.Count]);
        for (int id = 0; id <= root; id++)
        {
            IrNode node = g[id];
            Dictionary<string, int[]> Arg(int k) => sets[node.Args[k]];
            sets.Add(node.Op switch
            {
                IrOp.Input when node.Name is { } name && IndexOf(groups, name) is int k and >= 0 => Set(Unit(groups.Count, k)),
                IrOp.Input or IrOp.Constant => constant,
                IrOp.Negate or IrOp.Sum or IrOp.RowSum or IrOp.ColSum or IrOp.Broadcast or IrOp.BroadcastRows or IrOp.BroadcastCols or IrOp.Diagonal => Arg(0),
                IrOp.Add or IrOp.Subtract => Union(Arg(0), Arg(1)),
                IrOp.Multiply or IrOp.Dot or IrOp.MatVec or IrOp.VecMat or IrOp.Outer => Product(Arg(0), Arg(1)),
                IrOp.Square or IrOp.Norm2 => Product(Arg(0), Arg(0)),
                IrOp.Divide => Product(Arg(0), Opaque(Arg(1), groups.Count)),
                _ => node.Args.Select(arg => sets[arg]).Aggregate(constant, (all, set) => Product(all, Opaque(set, groups.Count))),
            });
        }
        return sets[root].Values;
    }

    private static int IndexOf(IReadOnlyList<string> groups, string name)
    {
        for (int k = 0; k < groups.Count; k++)
            if (groups[k] == name)
                return k;
        return -1;
    }

    private static int[] Unit(int count, int k)
    {
        var m = new int[count];
        m[k] = 1;
        return m;
    }

    private static Dictionary<string, int[]> Set(params int[][] monomials)
    {
        var set = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var m in monomials)
            set[Key(m)] = m;
        return set;
    }

    private static string Key(int[] m) => string.Join(",", m);

    private static Dictionary<string, int[]> Union(Dictionary<string, int[]> a, Dictionary<string, int[]> b)
    {
        var set = new Dictionary<string, int[]>(a, StringComparer.Ordinal);
        foreach (var pair in b)
            set[pair.Key] = pair.Value;
        return set;
    }

    // Counts add and saturate at NonPolynomial, so the sets stay small however deep the expression.
    private static Dictionary<string, int[]> Product(Dictionary<string, int[]> a, Dictionary<string, int[]> b)
    {
        var set = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var x in a.Values)
        {
            foreach (var y in b.Values)
            {
                var m = new int[x.Length];
                for (int k = 0; k < m.Length; k++)
                    m[k] = Math.Min(NonPolynomial, x[k] + y[k]);
                set[Key(m)] = m;
            }
        }
        return set;
    }

    /// <summary>A function that is not a polynomial of its argument: every group the argument holds becomes non-polynomial, together.</summary>
    private static Dictionary<string, int[]> Opaque(Dictionary<string, int[]> argument, int count)
    {
        var m = new int[count];
        foreach (var monomial in argument.Values)
            for (int k = 0; k < count; k++)
                if (monomial[k] > 0)
                    m[k] = NonPolynomial;
        return m.All(c => c == 0) ? Set(m) : Set(new int[count], m);
    }
}
