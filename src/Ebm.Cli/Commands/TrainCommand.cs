using System.CommandLine;
using System.Globalization;
using Ebm.Cli.Progress;
using Ebm.Data;
using Ebm.IO;
using Ebm.Training;

namespace Ebm.Cli.Commands;

/// <summary>`ebm train rbm|grbm|bm|dbm` (and `mlp`, <see cref="TrainScoreCommand"/>): trains a built-in model on a data spec and writes its model file.</summary>
internal static class TrainCommand
{
    /// <summary>The JSON of `ebm train`: epochs run, training rows per second over all of them, the file, sizes and per-epoch history.</summary>
    internal sealed record TrainResult(string Model, string Out, int Epochs, double SamplesPerS, IReadOnlyDictionary<string, int> Sizes, IReadOnlyList<EpochRecord> History)
    {
        /// <summary>Rows per second over the epochs: the rows trained divided by the seconds the updates took.</summary>
        public static double Rate(IEnumerable<(double Seconds, double SamplesPerSecond)> epochs)
        {
            double rows = 0, seconds = 0;
            foreach (var (s, rate) in epochs)
            {
                rows += s * rate;
                seconds += s;
            }
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var train = new Command("train", "Train a built-in model (CD-k, PCD or parallel tempering; an MLP energy by score matching) and write it as a safetensors model file.");
        foreach (string kind in TrainableModels.Kinds)
            train.Subcommands.Add(Kind(contextOf, kind));
        train.Subcommands.Add(TrainScoreCommand.Create(contextOf));
        return train;
    }

    private static Command Kind(Func<ParseResult, CliContext> contextOf, string kind)
    {
        var data = new Option<string>("--data") { Description = "Data spec (fashion-mnist, fashion-mnist:embedded, idx:DIR, npy:FILE, moons, …).", DefaultValueFactory = _ => "fashion-mnist" };
        var hidden = new Option<int>("--hidden") { Description = "Hidden units (the first hidden layer of a DBM).", DefaultValueFactory = _ => 100 };
        var hidden2 = new Option<int>("--hidden2") { Description = "Units of a DBM's second hidden layer.", DefaultValueFactory = _ => 50 };
        var sigma = new Option<float>("--sigma") { Description = "Standard deviation of a GRBM's visibles.", DefaultValueFactory = _ => 1f };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 5 };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 100 };
        var rate = new Option<float>("--lr") { Description = "Learning rate.", DefaultValueFactory = _ => 0.01f };
        var method = new Option<string>("--method") { Description = "cd, pcd, pt or exact.", DefaultValueFactory = _ => "pcd" };
        var k = new Option<int>("--k") { Description = "Gibbs sweeps per update.", DefaultValueFactory = _ => 1 };
        var chains = new Option<int>("--chains") { Description = "Persistent chains (0: the batch size).", DefaultValueFactory = _ => 0 };
        var replicas = new Option<int>("--replicas") { Description = "Parallel tempering: inverse temperatures, equally spaced from 1 to 1/replicas.", DefaultValueFactory = _ => 10 };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd or adam.", DefaultValueFactory = _ => "sgd" };
        var momentum = new Option<float>("--momentum") { DefaultValueFactory = _ => 0f };
        var decay = new Option<float>("--weight-decay") { DefaultValueFactory = _ => 0f };
        var schedule = new Option<string>("--schedule") { Description = "constant, step:EVERY:FACTOR, exp:FACTOR or linear:FINAL_FRACTION.", DefaultValueFactory = _ => "constant" };
        var centering = new Option<bool>("--centering") { Description = "Centre the states (data mean; running mean of the hidden means): RBM and DBM." };
        var centeringRate = new Option<float>("--centering-rate") { Description = "Rate of the hidden offsets' running mean.", DefaultValueFactory = _ => 0.01f };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL };
        var output = new Option<string>("--out") { Description = "The model file to write.", DefaultValueFactory = _ => kind + ".safetensors" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A checkpoint written after every epoch (default: OUT.checkpoint, removed once OUT is written)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from --checkpoint if it exists." };
        var evaluation = new Option<string>("--eval") { Description = "Log-likelihood of the test rows after each epoch: none, exact or ais.", DefaultValueFactory = _ => "none" };
        var trainRows = new Option<int>("--train-rows") { Description = "Use the first N training rows (0: all).", DefaultValueFactory = _ => 0 };
        var testRows = new Option<int>("--test-rows") { Description = "Evaluate on the first N test rows (0: all).", DefaultValueFactory = _ => 0 };
        var aisRuns = new Option<int>("--ais-runs") { DefaultValueFactory = _ => 100 };
        var aisTransitions = new Option<int>("--ais-transitions") { DefaultValueFactory = _ => 10_000 };
        var damping = new Option<float>("--mean-field-damping") { Description = "BM/DBM: damping d of the mean-field sweeps, μ ← dμ + (1 − d)σ(logits), in [0, 1).", DefaultValueFactory = _ => 0f };
        var pretrain = new Option<int>("--pretrain-epochs") { Description = "DBM: greedy layer-wise pretraining, this many epochs per pair of layers, before training (0: none).", DefaultValueFactory = _ => 0 };

        var command = new Command(kind, $"Train a {Describe(kind)}.")
        {
            data, hidden, hidden2, sigma, epochs, batch, rate, method, k, chains, replicas, optimizer, momentum, decay, schedule, centering, centeringRate, seed,
            output, checkpoint, resume, evaluation, trainRows, testRows, aisRuns, aisTransitions, pretrain, damping,
        };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            var (trainData, testData) = DataLoading.Load(parse.GetValue(data)!, kind != "grbm", parse.GetValue(trainRows), parse.GetValue(testRows), cli);
            IGibbsModel model = TrainableModels.Create(kind, trainData.Columns, parse.GetValue(hidden), parse.GetValue(hidden2), parse.GetValue(sigma), parse.GetValue(seed));
            int r = parse.GetValue(replicas);
            string path = parse.GetValue(output)!;
            // Ctrl+C stops after an epoch with a checkpoint to resume from; without --checkpoint it lies beside the
            // model file until the model is written.
            string checkpointPath = parse.GetValue(checkpoint) ?? path + ".checkpoint";
            var options = new TrainingOptions(parse.GetValue(epochs), parse.GetValue(batch), parse.GetValue(rate), parse.GetValue(seed))
            {
                NegativePhase = Method(parse.GetValue(method)!),
                GibbsSteps = parse.GetValue(k),
                Chains = parse.GetValue(chains),
                TemperingBetas = r > 1 ? [.. Enumerable.Range(0, r).Select(i => 1f - (float)i / r)] : [],
                Optimizer = parse.GetValue(optimizer) switch
                {
                    "sgd" => OptimizerKind.Sgd,
                    "adam" => OptimizerKind.Adam,
                    var o => throw new ArgumentException($"unknown optimizer '{o}'; use sgd or adam"),
                },
                Momentum = parse.GetValue(momentum),
                WeightDecay = parse.GetValue(decay),
                Schedule = Schedule(parse.GetValue(schedule)!),
                Centering = parse.GetValue(centering),
                MeanFieldDamping = parse.GetValue(damping),
                CenteringRate = parse.GetValue(centeringRate),
                Evaluation = Estimate(parse.GetValue(evaluation)!),
                EvaluationData = testData,
                AisRuns = parse.GetValue(aisRuns),
                AisTransitions = parse.GetValue(aisTransitions),
                CheckpointPath = checkpointPath,
                Resume = parse.GetValue(resume),
            };
            if (parse.GetValue(pretrain) is > 0 and var pretrainEpochs)
            {
                cli.Info($"pretraining {model.Layout.Description.Name} layer by layer, {pretrainEpochs} epochs per pair …");
                // One bar over every stage's updates: a chain of n groups has n − 1 pairs.
                double updates = (double)(model.Layout.States.Count - 1) * pretrainEpochs * ((trainData.Rows + options.BatchSize - 1) / options.BatchSize);
                IGibbsModel initial = model;
                model = cli.Progress.Run($"pretrain {kind}", updates, stage =>
                {
                    long done = 0;
                    return GreedyPretraining.Pretrain(initial, trainData, options with
                    {
                        Epochs = pretrainEpochs, OnEpoch = null, Centering = false, OnBatch = _ => stage.Report(++done),
                    }).Model;
                });
            }
            cli.Info($"training {model.Layout.Description.Name} {ModelFile.SizesJson(model.Layout)} on {trainData.Rows} rows of {trainData.Name}: {options.Describe()}");
            TrainingResult? result = TrainingProgress.Run(cli, $"train {kind}", model, trainData, options);
            if (result is null)
                return EbmCommand.Interrupted;
            ModelFile.Save(path, result.Model, options.Describe());
            if (parse.GetValue(checkpoint) is null)
                File.Delete(checkpointPath);
            var sizes = model.Layout.Description.Sizes.Select((n, i) => (n, v: model.Layout.Sizes[i])).ToDictionary(p => p.n, p => p.v);
            cli.Result(new TrainResult(model.Layout.Description.Name, path, result.History.Count, TrainResult.Rate(result.History.Select(e => (e.Seconds, e.SamplesPerSecond))), sizes, result.History), $"wrote {path}");
            return EbmCommand.Success;
        });
        return command;
    }

    private static string Describe(string kind) => kind switch
    {
        "rbm" => "Bernoulli RBM (binarised data)",
        "grbm" => "Gaussian–Bernoulli RBM (real-valued data)",
        "bm" => "Boltzmann machine with lateral connections (binarised data; mean-field data term)",
        _ => "deep Boltzmann machine with two hidden layers (binarised data; mean-field data term, persistent chains)",
    };

    internal static string Human(EpochRecord e)
    {
        var line = $"epoch {e.Epoch}: reconstruction {e.ReconstructionError:0.###}";
        if (e.PseudoLikelihood is { } pl)
            line += $", pseudo-likelihood {pl:0.##}";
        if (e.LogLikelihood is { } ll)
            line += (e.LogLikelihoodIsLowerBound == true ? $", log-likelihood ≥ {ll:0.##}" : $", log-likelihood {ll:0.##}") + (e.LogZStandardError is > 0 and var se ? $" (±{se:0.##})" : "");
        return line + $", {e.SamplesPerSecond:N0} samples/s";
    }

    internal static NegativePhase Method(string text) => text switch
    {
        "cd" => NegativePhase.ContrastiveDivergence,
        "pcd" => NegativePhase.Persistent,
        "pt" => NegativePhase.ParallelTempering,
        "exact" => NegativePhase.Exact,
        _ => throw new ArgumentException($"unknown method '{text}'; use cd, pcd, pt or exact"),
    };

    internal static LogLikelihoodEstimate Estimate(string text) => text switch
    {
        "none" => LogLikelihoodEstimate.None,
        "exact" => LogLikelihoodEstimate.Exact,
        "ais" => LogLikelihoodEstimate.Ais,
        _ => throw new ArgumentException($"unknown --eval '{text}'; use none, exact or ais"),
    };

    internal static LearningRateSchedule Schedule(string text)
    {
        string[] parts = text.Split(':');
        double Number(int i) => parts.Length > i && double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw new ArgumentException($"bad --schedule '{text}'; use constant, step:EVERY:FACTOR, exp:FACTOR or linear:FINAL_FRACTION");
        return parts[0] switch
        {
            "constant" when parts.Length == 1 => LearningRateSchedule.Constant,
            "step" when parts.Length == 3 => LearningRateSchedule.StepDecay((int)Number(1), Number(2)),
            "exp" when parts.Length == 2 => LearningRateSchedule.ExponentialDecay(Number(1)),
            "linear" when parts.Length == 2 => LearningRateSchedule.LinearDecay(Number(1)),
            _ => throw new ArgumentException($"bad --schedule '{text}'; use constant, step:EVERY:FACTOR, exp:FACTOR or linear:FINAL_FRACTION"),
        };
    }
}
