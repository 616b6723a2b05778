using System.CommandLine;
using Ebm.Cli.Progress;
using Ebm.Training;

namespace Ebm.Cli.Commands;

/// <summary>`ebm eval MODEL --exact|--ais`: the mean log-likelihood of test rows under a model file.</summary>
internal static class EvalCommand
{
    /// <summary>The JSON of `ebm eval`: test_loglik is the mean log p(x) of the rows in nats (a lower bound when method is ais-lower-bound).</summary>
    internal sealed record EvalResult(string Model, string Method, double TestLoglik, double LogZ, double LogZStderr, int Rows);

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var file = new ModelFileArgument();
        var exact = new Option<bool>("--exact") { Description = "Exact log Z by enumeration (up to 2^25 states of the smaller groups)." };
        var ais = new Option<bool>("--ais") { Description = "log Z by annealed importance sampling from the data's base-rate model." };
        var data = new Option<string>("--data") { DefaultValueFactory = _ => "fashion-mnist" };
        var rows = new Option<int>("--rows") { Description = "Evaluate the first N test rows (0: all).", DefaultValueFactory = _ => 0 };
        var sigma = new Option<float>("--sigma") { DefaultValueFactory = _ => 1f };
        var runs = new Option<int>("--runs") { Description = "AIS runs.", DefaultValueFactory = _ => 100 };
        var transitions = new Option<int>("--transitions", "--betas") { Description = "AIS intermediate distributions (--betas: the same).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL };
        var command = new Command("eval", "Mean log-likelihood of the test rows under a model file, with exact or AIS log Z.")
        {
            exact, ais, data, rows, sigma, runs, transitions, seed,
        };
        file.AddTo(command);
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            bool useExact = parse.GetValue(exact), useAis = parse.GetValue(ais);
            if (useExact == useAis)
                throw new ArgumentException("choose one of --exact and --ais");
            IGibbsModel model = TrainableModels.Load(file.Path(parse), parse.GetValue(sigma));
            bool binary = model.Structure.BinaryGroups.Contains(model.Layout.States[0].Name);
            var (train, test) = DataLoading.Load(parse.GetValue(data)!, binary, 0, parse.GetValue(rows), cli);
            var evaluated = test ?? train;
            int units = model.Layout.States[0].Size;
            if (evaluated.Columns != units)
                throw new ArgumentException($"the data '{parse.GetValue(data)}' has {evaluated.Columns} values a row but {model.Layout.Description.Name}'s data group '{model.Layout.States[0].Name}' has {units} units");
            var estimate = useExact ? LogLikelihoodEstimate.Exact : LogLikelihoodEstimate.Ais;
            var options = new TrainingOptions(1, 1, 1f, parse.GetValue(seed)) { AisRuns = parse.GetValue(runs), AisTransitions = parse.GetValue(transitions) };
            cli.Info($"evaluating {model.Layout.Description.Name} on {evaluated.Rows} rows of {evaluated.Name} ({(useExact ? "exact" : "AIS")}) …");
            LikelihoodResult r = cli.Progress.Run(useExact ? "exact log Z" : $"AIS: {options.AisRuns} runs × {options.AisTransitions} transitions", 0, stage =>
            {
                LikelihoodResult result = LikelihoodEvaluation.Evaluate(model, evaluated.Values, estimate, options);
                stage.Describe($"log-likelihood {result.MeanLogLikelihood:0.###}");
                return result;
            });
            cli.Result(new EvalResult(model.Layout.Description.Name, useExact ? "exact" : r.IsLowerBound ? "ais-lower-bound" : "ais", r.MeanLogLikelihood, r.LogZ, r.LogZStandardError, r.Rows),
                $"mean log p(x) {(r.IsLowerBound ? "≥" : "=")} {r.MeanLogLikelihood:0.###} nats over {r.Rows} rows (log Z = {r.LogZ:0.###}{(useAis ? $" ± {r.LogZStandardError:0.###}" : "")})");
            return EbmCommand.Success;
        });
        return command;
    }
}
