namespace Ebm.Training;

/// <summary>
/// The centring trick (Montavon &amp; Müller 2012; Melchior, Fischer &amp; Wiskott 2016) over the generic contract: the trainer
/// learns θ of E(x − o; θ), with o the data mean for the data group and a running mean (rate
/// <see cref="TrainingOptions.CenteringRate"/>) of the hidden data-term means for each hidden group. Moving an offset
/// from o to o′ keeps the distribution by moving each group's bias b_u by Δb_u = l_u(o′ − o; θ) − l_u(0; θ), l_u the
/// group's generated logits; o′ = 0 gives the declared parametrisation. This is exact for energies affine in every
/// group with at most pairwise terms between groups (RBM, DBM), which <see cref="Create"/> checks numerically.
/// </summary>
internal sealed class Centering
{
    private readonly ModelRoles roles;
    private readonly float rate;
    private readonly ParameterLayout[] biases;

    private Centering(ModelRoles roles, float rate, ParameterLayout[] biases, float[][] offsets)
    {
        this.roles = roles;
        this.rate = rate;
        this.biases = biases;
        Offsets = offsets;
    }

    /// <summary>The current offsets, one array per group.</summary>
    public float[][] Offsets { get; private set; }

    public static Centering Create(IGibbsModel model, ModelRoles roles, ReadOnlySpan<float> data, float rate)
    {
        ModelLayout layout = model.Layout;
        string name = layout.Description.Name;
        foreach (StateLayout g in layout.States)
            if (!model.Structure.SummableGroups.Contains(g.Name))
                throw new ArgumentException($"Centring needs every group binary and summable (an energy affine in each); '{g.Name}' of '{name}' is not.", nameof(model));
        var biases = new ParameterLayout[layout.States.Count];
        for (int g = 0; g < biases.Length; g++)
            biases[g] = FindBias(model, g) ?? throw new ArgumentException(
                $"Centring needs a bias of '{layout.States[g].Name}' entering the energy as −biasᵀ{layout.States[g].Name}; '{name}' has none.", nameof(model));
        var offsets = layout.States.Select(g => new float[g.Size]).ToArray();
        int columns = layout.States[roles.Data].Size, rows = data.Length / columns;
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < columns; i++)
                offsets[roles.Data][i] += data[r * columns + i] / rows;
        foreach (int h in roles.Hidden)
            Array.Fill(offsets[h], 0.5f);
        var centering = new Centering(roles, rate, biases, offsets);
        centering.CheckPairwise(model);
        return centering;
    }

    /// <summary>Centred parameters with the current offsets from declared ones.</summary>
    public float[] ToCentered(IGibbsModel declared, float[] theta) => Move(declared, theta, Zeros(), Offsets);

    /// <summary>Declared parameters from centred ones with the current offsets.</summary>
    public float[] ToDeclared(IGibbsModel declared, float[] centered) => Move(declared, centered, Offsets, Zeros());

    /// <summary>
    /// Moves the hidden offsets towards the mean of the batch's hidden means and re-expresses θ (in place) for them.
    /// </summary>
    public void Update(IGibbsModel declared, float[] centered, WeightedStates positive)
    {
        if (rate == 0)
            return;
        float[][] next = [.. Offsets.Select(o => (float[])o.Clone())];
        int rows = positive.Rows;
        foreach (int h in roles.Hidden)
        {
            int size = next[h].Length;
            float[] states = positive.States[h];
            for (int i = 0; i < size; i++)
            {
                double mean = 0;
                for (int r = 0; r < rows; r++)
                    mean += states[r * size + i];
                next[h][i] = (1 - rate) * next[h][i] + rate * (float)(mean / rows);
            }
        }
        float[] moved = Move(declared, centered, Offsets, next);
        moved.CopyTo(centered, 0);
        Offsets = next;
    }

    public void Restore(float[][] offsets) => Offsets = offsets;

    private float[][] Zeros() => [.. Offsets.Select(o => new float[o.Length])];

    // Δb_u = l_u(to − from; θ) − l_u(0; θ) for each group u: the logits are affine in the other groups, so the
    // difference is what the shift adds to u's linear term.
    private float[] Move(IGibbsModel declared, float[] theta, float[][] from, float[][] to)
    {
        var model = (IGibbsModel)declared.WithParameters(theta);
        ModelLayout layout = model.Layout;
        ReadOnlyMemory<float>[] shift = [.. to.Select((t, g) => new ReadOnlyMemory<float>([.. t.Zip(from[g], (a, b) => a - b)]))];
        ReadOnlyMemory<float>[] zero = [.. to.Select(t => new ReadOnlyMemory<float>(new float[t.Length]))];
        float[] result = (float[])theta.Clone();
        for (int g = 0; g < layout.States.Count; g++)
        {
            string group = layout.States[g].Name;
            var a = new float[to[g].Length];
            var b = new float[to[g].Length];
            model.ConditionalLogits(group, shift, a);
            model.ConditionalLogits(group, zero, b);
            for (int i = 0; i < a.Length; i++)
                result[biases[g].Offset + i] += a[i] - b[i];
        }
        return result;
    }

    // The bias of group g: a trainable vector of g's size whose unit increase raises every logit of g by one at the
    // zero state.
    private static ParameterLayout? FindBias(IGibbsModel model, int g)
    {
        ModelLayout layout = model.Layout;
        int size = layout.States[g].Size;
        ReadOnlyMemory<float>[] zero = [.. layout.States.Select(s => new ReadOnlyMemory<float>(new float[s.Size]))];
        var theta = new float[layout.ParameterCount];
        model.CopyParameters(theta);
        var before = new float[size];
        model.ConditionalLogits(layout.States[g].Name, zero, before);
        foreach (ParameterLayout p in layout.Parameters.Where(p => p.Rank == ParameterRank.Vector && p.Length == size))
        {
            float[] bumped = (float[])theta.Clone();
            for (int i = 0; i < size; i++)
                bumped[p.Offset + i] += 1f;
            var after = new float[size];
            ((IGibbsModel)model.WithParameters(bumped)).ConditionalLogits(layout.States[g].Name, zero, after);
            if (after.Zip(before, (x, y) => Math.Abs(x - y - 1f)).All(d => d < 1e-4f))
                return p;
        }
        return null;
    }

    // E(x − o; θ) − E(x; θ′) must be the same for every x when θ′ = ToDeclared(θ); checked on a few random states.
    private void CheckPairwise(IGibbsModel model)
    {
        var theta = new float[model.Layout.ParameterCount];
        model.CopyParameters(theta);
        var rng = new Rng.RandomStream(0x63656e74, 0, 0);
        for (int i = 0; i < theta.Length; i++)
            theta[i] += 0.1f * rng.Normal((uint)i);
        var probe = (IGibbsModel)model.WithParameters(theta);
        var centered = new CenteredModel(probe, Offsets);
        var declared = (IGibbsModel)model.WithParameters(ToDeclared(model, theta));
        const int rows = 4;
        float[][] states = [.. model.Layout.States.Select((s, g) =>
        {
            var u = new float[rows * s.Size];
            new Rng.RandomStream(0x63656e74, (uint)g + 1, 0).FillUniform(u);
            return u.Select(x => x <= 0.5f ? 1f : 0f).ToArray();
        })];
        ReadOnlyMemory<float>[] view = [.. states.Select(s => new ReadOnlyMemory<float>(s))];
        var a = new float[rows];
        var b = new float[rows];
        centered.Energy(view, a);
        declared.Energy(view, b);
        double first = a[0] - b[0];
        for (int r = 1; r < rows; r++)
            if (Math.Abs(a[r] - b[r] - first) > 1e-3 * (1 + Math.Abs(a[r])))
                throw new ArgumentException($"Centring re-expresses offsets through the biases, which needs an energy with at most pairwise terms between groups; '{model.Layout.Description.Name}' does not allow it.", nameof(model));
    }
}
