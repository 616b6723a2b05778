using System.CommandLine;
using System.Globalization;
using Ebm.Contrastive;
using Ebm.IO;

namespace Ebm.Cli.Commands;

/// <summary>
/// `ebm train mlp --method contrastive`: the SiLU MLP energy trained by the contrastive loss with short-run Langevin
/// negatives from a replay buffer (Ebm.Contrastive, specs/contrastive.md), written as an MlpEnergy model file that
/// `ebm sample --sampler ula|mala|annealed` reads.
/// </summary>
internal static class TrainContrastive
{
    /// <summary>The options only this method reads.</summary>
    internal sealed record Options(
        Option<int> Steps, Option<float> StepSize, Option<float> NoiseScale, Option<int> Chains, Option<int> Buffer,
        Option<float> Reinit, Option<bool> Persistent, Option<float> Regularization, Option<string?> Box)
    {
        public IEnumerable<Option> All => [Steps, StepSize, NoiseScale, Chains, Buffer, Reinit, Persistent, Regularization, Box];
    }

    public static Options CreateOptions() => new(
        new Option<int>("--langevin-steps") { Description = "contrastive: short-run Langevin moves per update (K).", DefaultValueFactory = _ => 60 },
        new Option<float>("--step-size") { Description = "contrastive: α of a move x ← x − α∇E + √(2α)·s·z.", DefaultValueFactory = _ => 0.01f },
        new Option<float>("--noise-scale") { Description = "contrastive: s of a move.", DefaultValueFactory = _ => 1f },
        new Option<int>("--chains") { Description = "contrastive: negative chains per update (0: the batch size).", DefaultValueFactory = _ => 0 },
        new Option<int>("--buffer") { Description = "contrastive: states kept in the replay buffer.", DefaultValueFactory = _ => 10_000 },
        new Option<float>("--reinit") { Description = "contrastive: share of chains restarted from uniform noise on the box.", DefaultValueFactory = _ => 0.05f },
        new Option<bool>("--persistent") { Description = "contrastive: persistent chains instead of the replay buffer." },
        new Option<float>("--reg") { Description = "contrastive: α_reg of the energy-magnitude regulariser.", DefaultValueFactory = _ => 0.01f },
        new Option<string?>("--box") { Description = "contrastive: LOWER:UPPER, the box of fresh noise and of the clamp (default: the data's range widened by a quarter on each side)." });

    public static TrainScoreCommand.TrainScoreResult Run(TrainScoreCommand.Request request)
    {
        ParseResult parse = request.Parse;
        TrainScoreCommand.Options o = request.Options;
        Options c = o.Contrastive;
        CliContext cli = request.Cli;
        float clip = parse.GetValue(o.Clip);
        if (!(clip >= 0))
            throw new ArgumentException($"--clip must be 0 (no clipping) or positive, got {clip}");
        int hidden = parse.GetValue(o.Hidden);
        if (hidden < 1)
            throw new ArgumentException($"--hidden must be a positive integer, got {hidden}");
        (float lower, float upper) = Box(parse.GetValue(c.Box), request.Train);
        var options = new ContrastiveOptions(parse.GetValue(o.Epochs), parse.GetValue(o.Batch), parse.GetValue(o.Rate), parse.GetValue(o.Seed))
        {
            LangevinSteps = parse.GetValue(c.Steps),
            StepSize = parse.GetValue(c.StepSize),
            NoiseScale = parse.GetValue(c.NoiseScale),
            Chains = parse.GetValue(c.Chains),
            BufferSize = parse.GetValue(c.Buffer),
            ReinitFraction = parse.GetValue(c.Reinit),
            Persistent = parse.GetValue(c.Persistent),
            RegularizationWeight = parse.GetValue(c.Regularization),
            InitLower = lower, InitUpper = upper, ClampLower = lower, ClampUpper = upper,
            ClipNorm = clip == 0 ? float.PositiveInfinity : clip,
            Optimizer = TrainScoreCommand.Optimizer(parse.GetValue(o.Optimizer)!),
            Momentum = parse.GetValue(o.Momentum),
            WeightDecay = parse.GetValue(o.Decay),
            Schedule = TrainCommand.Schedule(parse.GetValue(o.Schedule)!),
            OnEpoch = e => cli.Info($"epoch {e.Epoch}: loss {e.Loss:0.####}, E(data) {e.DataEnergy:0.###}, E(negatives) {e.NegativeEnergy:0.###}, {e.UpdatesPerSecond:N0} updates/s"),
        };
        IScoreModel model = ContinuousModels.Create(false, request.Train.Columns, hidden, 1f, parse.GetValue(o.Seed));
        cli.Info($"training {model.Layout.Description.Name} {ModelFile.SizesJson(model.Layout)} contrastively on {request.Train.Rows} rows of {request.Train.Name}: {options.Describe()}");
        ContrastiveResult result = ContrastiveTrainer.Train(model, request.Train, options);
        string path = parse.GetValue(o.Out)!;
        ModelFile.Save(path, result.Model, options.Describe());
        ModelLayout layout = result.Model.Layout;
        var sizes = layout.Description.Sizes.Select((n, i) => (n, v: layout.Sizes[i])).ToDictionary(p => p.n, p => p.v);
        return new TrainScoreCommand.TrainScoreResult(layout.Description.Name, "contrastive", path, sizes, null,
            [.. result.History.Select(e => new TrainScoreCommand.ScoreEpoch(e.Epoch, e.LearningRate, e.Loss, e.GradientNorm, e.Seconds, e.UpdatesPerSecond, e.SamplesPerSecond))]);
    }

    private static (float Lower, float Upper) Box(string? text, Data.Dataset data)
    {
        if (text is not null)
        {
            string[] parts = text.Split(':');
            if (parts.Length == 2
                && float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out float lo)
                && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float hi)
                && lo < hi && float.IsFinite(lo) && float.IsFinite(hi))
                return (lo, hi);
            throw new ArgumentException($"bad --box '{text}'; use LOWER:UPPER with LOWER < UPPER");
        }
        ReadOnlySpan<float> values = data.Values.Span;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        float margin = Math.Max(0.25f * (max - min), 1e-3f);
        return (min - margin, max + margin);
    }
}
