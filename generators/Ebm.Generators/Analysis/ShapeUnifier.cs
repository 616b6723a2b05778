using Ebm.Generators.Model;

namespace Ebm.Generators.Analysis;

/// <summary>
/// Symbolic sizes as union–find variables. Every size comes from a parameter of Energy (a Vec has one,
/// a Mat rows then columns), created in declaration order; an operation that needs two sizes equal
/// unites them. Each class of equal sizes is named after its first carrier, which is its smallest
/// variable because variables are created in declaration order and the smaller root always wins.
/// </summary>
internal sealed class ShapeUnifier
{
    private readonly List<int> parent = new();
    private readonly List<string> carriers = new();

    /// <summary>A new free size, carried by <paramref name="carrier"/> (the name it gets if it comes first).</summary>
    public int NewSize(string carrier)
    {
        parent.Add(parent.Count);
        carriers.Add(carrier);
        return parent.Count - 1;
    }

    public void Unite(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra < rb)
            parent[rb] = ra;
        else if (rb < ra)
            parent[ra] = rb;
    }

    /// <summary>Numbers the classes 0, 1, … in order of first carrier and names them; shapes then use those numbers.</summary>
    public Sizes Finish()
    {
        var index = new int[parent.Count];
        var names = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < parent.Count; v++)
        {
            int root = Find(v);
            if (root != v)
            {
                index[v] = index[root];
                continue;
            }
            // A size "WRows" can meet a Vec parameter named WRows; the later one gets a suffix.
            string name = carriers[v];
            for (int k = 2; !taken.Add(name); k++)
                name = carriers[v] + k;
            index[v] = names.Count;
            names.Add(name);
        }
        return new Sizes(names.ToImmutableEquatableArray(), index);
    }

    private int Find(int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /// <summary>The named sizes and the map from each unification variable to its size's index.</summary>
    internal sealed class Sizes(ImmutableEquatableArray<string> names, int[] index)
    {
        public ImmutableEquatableArray<string> Names { get; } = names;

        public Shape Resolve(Shape shape) =>
            shape.Sizes.Count == 0 ? shape : shape with { Sizes = shape.Sizes.Select(v => index[v]).ToImmutableEquatableArray() };
    }
}
