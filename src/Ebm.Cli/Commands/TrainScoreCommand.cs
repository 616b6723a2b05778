using System.CommandLine;
using Ebm.IO;
using Ebm.Sampling;
using Ebm.ScoreMatching;
using Ebm.Training;

namespace Ebm.Cli.Commands;

/// <summary>
/// `ebm train mlp`: a neural energy (2-layer SiLU MLP) trained on continuous data by score matching — exact (sm),
/// denoising (dsm), sliced (ssm) or multi-noise denoising over a geometric schedule (ncsn, on NoiseConditionalMlp) —
/// written as a model file with its training options. Methods are dispatched by <see cref="Methods"/>; a method of
/// another family (contrastive training) joins there with its own runner.
/// </summary>
internal static class TrainScoreCommand
{
    internal sealed record ScoreEpoch(int Epoch, double LearningRate, double Loss, double GradientNorm, double Seconds, double StepsPerSecond, double SamplesPerSecond);

    internal sealed record TrainScoreResult(string Model, string Method, string Out, IReadOnlyDictionary<string, int> Sizes,
                                            IReadOnlyList<float>? NoiseLevels, IReadOnlyList<ScoreEpoch> History)
    {
        /// <summary>Epochs run.</summary>
        public int Epochs => History.Count;

        /// <summary>Training rows per second over all epochs.</summary>
        public double SamplesPerS => TrainCommand.TrainResult.Rate(History.Select(e => (e.Seconds, e.SamplesPerSecond)));
    }

    /// <summary>What a method's runner is given: the parsed command line, the rows, and where to write.</summary>
    internal sealed record Request(ParseResult Parse, Options Options, Data.Dataset Train, CliContext Cli);

    /// <summary>The methods of `ebm train mlp --method`, each with the runner that trains and writes the file.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<Request, TrainScoreResult>> Methods = new Dictionary<string, Func<Request, TrainScoreResult>>
    {
        ["dsm"] = r => ScoreMatching(r, ScoreMethod.Denoising),
        ["ssm"] = r => ScoreMatching(r, ScoreMethod.Sliced),
        ["sm"] = r => ScoreMatching(r, ScoreMethod.Exact),
        ["ncsn"] = r => ScoreMatching(r, ScoreMethod.NoiseConditional),
        ["contrastive"] = TrainContrastive.Run,
    };

    /// <summary>The command line's options, shared by every method's runner.</summary>
    internal sealed record Options(
        Option<string> Data, Option<int> Hidden, Option<int> Epochs, Option<int> Batch, Option<float> Rate, Option<string> Method,
        Option<float> Sigma, Option<float> SigmaMax, Option<float> SigmaMin, Option<int> Levels, Option<string> Optimizer,
        Option<float> Momentum, Option<float> Decay, Option<string> Schedule, Option<float> Clip, Option<ulong> Seed,
        Option<string> Out, Option<int> TrainRows, TrainContrastive.Options Contrastive);

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var o = new Options(
            new Option<string>("--data") { Description = "Data spec of continuous rows (moons, rings, mixture8, mixture2, swissroll, checkerboard, npy:FILE).", DefaultValueFactory = _ => "moons" },
            new Option<int>("--hidden") { Description = "Units of each of the two hidden layers.", DefaultValueFactory = _ => 64 },
            new Option<int>("--epochs") { DefaultValueFactory = _ => 50 },
            new Option<int>("--batch") { DefaultValueFactory = _ => 128 },
            new Option<float>("--lr") { Description = "Learning rate.", DefaultValueFactory = _ => 1e-3f },
            new Option<string>("--method") { Description = $"{string.Join(", ", Methods.Keys)}.", DefaultValueFactory = _ => "dsm" },
            new Option<float>("--sigma") { Description = "dsm: the noise level.", DefaultValueFactory = _ => 0.1f },
            new Option<float>("--sigma-max") { Description = "ncsn: the largest noise level.", DefaultValueFactory = _ => 1f },
            new Option<float>("--sigma-min") { Description = "ncsn: the smallest noise level.", DefaultValueFactory = _ => 0.01f },
            new Option<int>("--levels") { Description = "ncsn: geometric levels from --sigma-max to --sigma-min.", DefaultValueFactory = _ => 10 },
            new Option<string>("--optimizer") { Description = "adam or sgd.", DefaultValueFactory = _ => "adam" },
            new Option<float>("--momentum") { DefaultValueFactory = _ => 0f },
            new Option<float>("--weight-decay") { DefaultValueFactory = _ => 0f },
            new Option<string>("--schedule") { Description = "constant, step:EVERY:FACTOR, exp:FACTOR or linear:FINAL_FRACTION.", DefaultValueFactory = _ => "constant" },
            new Option<float>("--clip") { Description = "Largest gradient norm of an update (0: no clipping).", DefaultValueFactory = _ => 0f },
            new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL },
            new Option<string>("--out") { Description = "The model file to write.", DefaultValueFactory = _ => "mlp.safetensors" },
            new Option<int>("--train-rows") { Description = "Use the first N training rows (0: all).", DefaultValueFactory = _ => 0 },
            TrainContrastive.CreateOptions());
        var command = new Command("mlp", "Train a SiLU MLP energy on continuous data by score matching (dsm, ssm, sm, ncsn) or contrastively with short-run Langevin negatives (contrastive).")
        {
            o.Data, o.Hidden, o.Epochs, o.Batch, o.Rate, o.Method, o.Sigma, o.SigmaMax, o.SigmaMin, o.Levels, o.Optimizer, o.Momentum,
            o.Decay, o.Schedule, o.Clip, o.Seed, o.Out, o.TrainRows,
        };
        foreach (Option option in o.Contrastive.All)
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            string method = parse.GetValue(o.Method)!;
            if (!Methods.TryGetValue(method, out var run))
                throw new ArgumentException($"unknown method '{method}'; use {string.Join(", ", Methods.Keys)}");
            var (train, _) = DataLoading.Load(parse.GetValue(o.Data)!, binary: false, parse.GetValue(o.TrainRows), 1, cli);
            TrainScoreResult result = run(new Request(parse, o, train, cli));
            cli.Result(result, $"wrote {result.Out}");
            return EbmCommand.Success;
        });
        return command;
    }

    /// <summary>The --optimizer value as an <see cref="OptimizerKind"/>.</summary>
    internal static OptimizerKind Optimizer(string text) => text switch
    {
        "sgd" => OptimizerKind.Sgd,
        "adam" => OptimizerKind.Adam,
        _ => throw new ArgumentException($"unknown optimizer '{text}'; use adam or sgd"),
    };

    private static TrainScoreResult ScoreMatching(Request request, ScoreMethod method)
    {
        ParseResult parse = request.Parse;
        Options o = request.Options;
        CliContext cli = request.Cli;
        float clip = parse.GetValue(o.Clip);
        if (!(clip >= 0))
            throw new ArgumentException($"--clip must be 0 (no clipping) or positive, got {clip}");
        var options = new ScoreTrainingOptions(method, parse.GetValue(o.Epochs), parse.GetValue(o.Batch), parse.GetValue(o.Rate), parse.GetValue(o.Seed))
        {
            Sigma = parse.GetValue(o.Sigma),
            Optimizer = Optimizer(parse.GetValue(o.Optimizer)!),
            Momentum = parse.GetValue(o.Momentum),
            WeightDecay = parse.GetValue(o.Decay),
            Schedule = TrainCommand.Schedule(parse.GetValue(o.Schedule)!),
            MaxGradientNorm = clip == 0 ? float.PositiveInfinity : clip,
            OnEpoch = e => cli.Info($"epoch {e.Epoch}: loss {e.Loss:0.####}, gradient norm {e.GradientNorm:0.###}, {e.StepsPerSecond:N0} steps/s"),
        };
        bool conditional = method == ScoreMethod.NoiseConditional;
        if (conditional)
            options = options with { NoiseLevels = Levels(parse.GetValue(o.SigmaMax), parse.GetValue(o.SigmaMin), parse.GetValue(o.Levels)) };
        int hidden = parse.GetValue(o.Hidden);
        if (hidden < 1)
            throw new ArgumentException($"--hidden must be a positive integer, got {hidden}");
        ulong seed = parse.GetValue(o.Seed);
        int columns = request.Train.Columns;
        IScoreModel first = ContinuousModels.Create(conditional, columns, hidden, conditional ? options.NoiseLevels[0] : 1f, seed);
        cli.Info($"training {first.Layout.Description.Name} {ModelFile.SizesJson(first.Layout)} on {request.Train.Rows} rows of {request.Train.Name}: {options.Describe()}");
        ScoreTrainingResult result;
        if (conditional)
        {
            var theta = new float[first.Layout.ParameterCount];
            first.CopyParameters(theta);
            result = ScoreTrainer.TrainNoiseConditional(s => (IScoreModel)ContinuousModels.Create(true, columns, hidden, s, seed).WithParameters(theta), request.Train, options);
        }
        else
            result = ScoreTrainer.Train(first, request.Train, options);
        string path = parse.GetValue(o.Out)!;
        ModelFile.Save(path, result.Model, options.Describe());
        ModelLayout layout = result.Model.Layout;
        var sizes = layout.Description.Sizes.Select((n, i) => (n, v: layout.Sizes[i])).ToDictionary(p => p.n, p => p.v);
        return new TrainScoreResult(layout.Description.Name, ScoreTrainingOptions.MethodName(method), path, sizes, conditional ? options.NoiseLevels : null,
            [.. result.History.Select(e => new ScoreEpoch(e.Epoch, e.LearningRate, e.Loss, e.GradientNorm, e.Seconds, e.StepsPerSecond, e.SamplesPerSecond))]);
    }

    private static IReadOnlyList<float> Levels(float max, float min, int count)
    {
        if (count == 1 && max > 0)
            return [max];
        if (!(min > 0 && min < max && float.IsFinite(max)) || count < 2)
            throw new ArgumentException($"ncsn needs 0 < --sigma-min < --sigma-max and --levels ≥ 2; got {min}, {max}, {count}");
        return NoiseSchedule.Geometric(max, min, count);
    }
}
