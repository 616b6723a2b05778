using Ebm.Data;
using Ebm.Numerics;

namespace Ebm.Training;

/// <summary>
/// Greedy layer-wise pretraining of a layered Boltzmann machine (a DBM; Salakhutdinov &amp; Hinton 2009, §3.1): the
/// groups, from the data group, form a chain in which each couples only to its neighbours; each adjacent pair is
/// trained as an RBM on the previous pair's hidden means, and the pairs are composed into the deep model.
/// The layers and couplings are read from the generated parameter gradient (which groups each parameter's
/// gradient depends on), so any declared model of that shape works; nothing here knows a DBM by name.
/// </summary>
/// <remarks>
/// Stage s trains the model itself with every coupling except that of pair s held at 0 — the model then factorises
/// into an RBM over the pair times independent units — and every parameter but the pair's coupling and biases
/// frozen (<see cref="TrainingOptions.FrozenParameters"/>); so the stages use the trainer and the generated code
/// unchanged. Salakhutdinov &amp; Hinton train modified RBMs with doubled inputs so that a middle layer, which in
/// the DBM hears both neighbours, is not over-driven; here the RBMs are ordinary and the composition halves
/// each coupling that feeds a middle layer instead (<c>interiorCouplingScale</c>), and a middle layer's bias is the
/// mean of the bias it learnt as a hidden layer and as a visible layer (specs/training.md, "Greedy pretraining").
/// </remarks>
public static class GreedyPretraining
{
    /// <summary>The factor applied to couplings that touch a middle layer when the pairs are composed.</summary>
    public const double DefaultInteriorCouplingScale = 0.5;

    /// <inheritdoc cref="Pretrain(IGibbsModel, Dataset, TrainingOptions, double)"/>
    public static PretrainingResult Pretrain(IGibbsModel model, Dataset data, TrainingOptions options) =>
        Pretrain(model, data, options, DefaultInteriorCouplingScale);

    /// <summary>Pretrains <paramref name="model"/> pair of layers by pair of layers on <paramref name="data"/>.</summary>
    /// <param name="model">A model whose groups form a chain from the data group, at its initial parameters.</param>
    /// <param name="data">Training rows of the data group.</param>
    /// <param name="options">The options of every stage (epochs each, batch, learning rate, method, seed); evaluation,
    /// checkpoints and frozen parameters are not used.</param>
    /// <param name="interiorCouplingScale">The factor applied to each coupling that touches a middle layer, in (0, 1].</param>
    /// <returns>The composed parameters and model, the layers' order, and each stage's training result.</returns>
    /// <exception cref="ArgumentException">The groups do not form a chain, or a parameter couples three or more groups.</exception>
    public static PretrainingResult Pretrain(IGibbsModel model, Dataset data, TrainingOptions options, double interiorCouplingScale)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (!(interiorCouplingScale > 0 && interiorCouplingScale <= 1))
            throw new ArgumentOutOfRangeException(nameof(interiorCouplingScale), interiorCouplingScale, "The scale must be in (0, 1].");
        ModelLayout layout = model.Layout;
        var roles = new ModelRoles(model, options.DataGroup);
        IReadOnlyList<int[]> groupsOf = ParameterCoupling.GroupsOf(model);
        int[] layers = Chain(layout, groupsOf, roles.Data);
        // For each pair s (layers s, s+1), its coupling parameters; for each layer, its bias parameters.
        int[][] couplings = [.. Enumerable.Range(0, layers.Length - 1).Select(s => Parameters(groupsOf, layers[s], layers[s + 1]))];
        int[][] biases = [.. layers.Select(g => Parameters(groupsOf, g, -1))];

        var theta = new float[layout.ParameterCount];
        model.CopyParameters(theta);
        var composed = (float[])theta.Clone();
        var asHidden = new Dictionary<int, float[]>();   // a middle layer's biases as the hidden layer of the stage below
        var stages = new List<TrainingResult>();
        Dataset stageData = data;
        for (int s = 0; s < layers.Length - 1; s++)
        {
            var stageTheta = (float[])composed.Clone();
            for (int other = 0; other < couplings.Length; other++)
                if (other != s)
                    foreach (int p in couplings[other])
                        Slice(stageTheta, layout.Parameters[p]).Clear();
            var trained = new HashSet<int>([.. couplings[s], .. biases[s], .. biases[s + 1]]);
            TrainingOptions stageOptions = options with
            {
                DataGroup = layout.States[layers[s]].Name,
                FrozenParameters = [.. layout.Parameters.Where((_, p) => !trained.Contains(p)).Select(p => p.Name)],
                Seed = options.Seed + (ulong)s,
                Centering = false,
                Evaluation = LogLikelihoodEstimate.None,
                EvaluationData = null,
                CheckpointPath = null,
                Resume = false,
            };
            var stageModel = (IGibbsModel)model.WithParameters(stageTheta);
            TrainingResult result = Trainer.Train(stageModel, stageData, stageOptions);
            stages.Add(result);

            foreach (int p in couplings[s])
                Copy(result.Parameters, composed, layout.Parameters[p]);
            // The lower layer's bias as a visible layer: the data group's final one; a middle layer's is averaged
            // with the bias it learnt as the hidden layer of the stage before.
            foreach (int p in biases[s])
            {
                ParameterLayout bias = layout.Parameters[p];
                Copy(result.Parameters, composed, bias);
                if (asHidden.TryGetValue(p, out float[]? before))
                    for (int i = 0; i < bias.Length; i++)
                        composed[bias.Offset + i] = 0.5f * (composed[bias.Offset + i] + before[i]);
            }
            foreach (int p in biases[s + 1])
            {
                Copy(result.Parameters, composed, layout.Parameters[p]);
                asHidden[p] = Slice(result.Parameters, layout.Parameters[p]).ToArray();
            }
            if (s + 1 < layers.Length - 1)
                stageData = HiddenMeans(result.Model, layers[s], layers[s + 1], stageData);
        }

        if (layers.Length > 2)
            for (int s = 0; s < couplings.Length; s++)
                // Every pair of a chain of three or more layers touches a middle layer.
                foreach (int p in couplings[s])
                    foreach (ref float w in Slice(composed, layout.Parameters[p]))
                        w = (float)(w * interiorCouplingScale);
        return new PretrainingResult(composed, (IGibbsModel)model.WithParameters(composed), [.. layers.Select(g => layout.States[g].Name)], stages);
    }

    /// <summary>The groups in chain order from the data group, each coupled to its neighbours only.</summary>
    private static int[] Chain(ModelLayout layout, IReadOnlyList<int[]> groupsOf, int data)
    {
        string name = layout.Description.Name;
        var neighbours = layout.States.Select(_ => new HashSet<int>()).ToArray();
        for (int p = 0; p < groupsOf.Count; p++)
        {
            int[] g = groupsOf[p];
            if (g.Length > 2)
                throw new ArgumentException(
                    $"The parameter '{layout.Parameters[p].Name}' of '{name}' couples {g.Length} groups ({string.Join(", ", g.Select(i => layout.States[i].Name))}); greedy pretraining needs pairwise couplings between layers.",
                    nameof(layout));
            if (g.Length == 2)
            {
                neighbours[g[0]].Add(g[1]);
                neighbours[g[1]].Add(g[0]);
            }
        }
        var chain = new List<int> { data };
        while (true)
        {
            int last = chain[^1];
            int[] next = [.. neighbours[last].Where(n => !chain.Contains(n))];
            if (next.Length == 0)
                break;
            if (next.Length > 1 || neighbours[last].Count(chain.Contains) > (chain.Count > 1 ? 1 : 0))
                throw new ArgumentException(
                    $"The groups of '{name}' do not form a chain of layers from '{layout.States[data].Name}': '{layout.States[last].Name}' couples to {string.Join(", ", neighbours[last].Select(i => layout.States[i].Name))}.",
                    nameof(layout));
            chain.Add(next[0]);
        }
        if (chain.Count != layout.States.Count || chain.Count < 2)
            throw new ArgumentException(
                $"The groups of '{name}' do not form one chain of layers from '{layout.States[data].Name}' (reached {string.Join(" – ", chain.Select(i => layout.States[i].Name))}).",
                nameof(layout));
        for (int k = 0; k + 2 < chain.Count; k++)
            if (neighbours[chain[k]].Contains(chain[k + 2]))
                throw new ArgumentException($"'{layout.States[chain[k]].Name}' and '{layout.States[chain[k + 2]].Name}' of '{name}' are coupled, so the groups are not layers.", nameof(layout));
        return [.. chain];
    }

    // The parameters whose gradient depends on exactly {a, b} (b = −1: exactly {a}).
    private static int[] Parameters(IReadOnlyList<int[]> groupsOf, int a, int b) =>
        [.. Enumerable.Range(0, groupsOf.Count).Where(p => b < 0
            ? groupsOf[p].Length == 1 && groupsOf[p][0] == a
            : groupsOf[p].Length == 2 && groupsOf[p].Contains(a) && groupsOf[p].Contains(b))];

    private static Span<float> Slice(float[] theta, ParameterLayout p) => theta.AsSpan(p.Offset, p.Length);

    private static void Copy(float[] from, float[] to, ParameterLayout p) => Slice(from, p).CopyTo(Slice(to, p));

    // The upper layer's conditional means σ(logits) given the lower layer at the rows; the stage model couples the
    // two layers only, so the other groups' (zero) states do not enter.
    private static Dataset HiddenMeans(IGibbsModel stageModel, int lower, int upper, Dataset rows)
    {
        ModelLayout layout = stageModel.Layout;
        const int Chunk = 1024;
        int size = layout.States[upper].Size;
        var means = new float[rows.Rows * size];
        for (int first = 0; first < rows.Rows; first += Chunk)
        {
            int n = Math.Min(Chunk, rows.Rows - first);
            var states = new ReadOnlyMemory<float>[layout.States.Count];
            for (int g = 0; g < states.Length; g++)
                states[g] = g == lower
                    ? rows.Values.Slice(first * rows.Columns, n * rows.Columns)
                    : new float[n * layout.States[g].Size];
            Span<float> output = means.AsSpan(first * size, n * size);
            stageModel.ConditionalLogits(layout.States[upper].Name, states, output);
            StableMath.Sigmoid(output, output);
        }
        return new Dataset($"{rows.Name} → {layout.States[upper].Name} means", [size], means, [], $"greedy pretraining of {layout.Description.Name}");
    }
}

/// <summary>What <see cref="GreedyPretraining.Pretrain(IGibbsModel, Dataset, TrainingOptions)"/> produced.</summary>
/// <param name="Parameters">The composed parameters, laid out as the model's.</param>
/// <param name="Model">The model at those parameters.</param>
/// <param name="Layers">The state groups in chain order, from the data group.</param>
/// <param name="Stages">Each pair's training result (stage s trained layers s and s + 1).</param>
public sealed record PretrainingResult(float[] Parameters, IGibbsModel Model, IReadOnlyList<string> Layers, IReadOnlyList<TrainingResult> Stages);
