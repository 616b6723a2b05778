using System.CommandLine;
using Ebm.Cli.Progress;
using Ebm.IO;
using Ebm.Rng;
using Ebm.Sampling;

namespace Ebm.Cli.Commands;

/// <summary>`ebm sample MODEL`: Gibbs chains from a model file; the data group's final states as .npy.</summary>
internal static class SampleCommand
{
    internal sealed record SampleResult(string Model, string Out, int Chains, int Sweeps, double MeanActivity);

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var file = new Argument<string>("model") { Description = "A model file written by 'ebm train'." };
        var chains = new Option<int>("--chains") { DefaultValueFactory = _ => 16 };
        var sweeps = new Option<int>("--sweeps") { DefaultValueFactory = _ => 1000 };
        var sigma = new Option<float>("--sigma") { DefaultValueFactory = _ => 1f };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL };
        var output = new Option<string>("--out") { Description = "The .npy file of the samples (chains × data units).", DefaultValueFactory = _ => "samples.npy" };
        var command = new Command("sample", "Run Gibbs chains of a model file from uniformly random states and write the data group's final states.")
        {
            file, chains, sweeps, sigma, seed, output,
        };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int c = parse.GetValue(chains), s = parse.GetValue(sweeps);
            if (c <= 0 || s < 0)
                throw new ArgumentException("--chains must be positive and --sweeps not negative");
            IGibbsModel model = TrainableModels.Load(parse.GetValue(file)!, parse.GetValue(sigma));
            ulong seedValue = parse.GetValue(seed);
            float[][] start = [.. model.Layout.States.Select((g, i) =>
            {
                var u = new float[c * g.Size];
                new RandomStream(seedValue, (uint)i, ulong.MaxValue).FillUniform(u);
                return g.Kind == StateKind.Binary ? u.Select(x => x <= 0.5f ? 1f : 0f).ToArray() : u;
            })];
            cli.Info($"sampling {c} chains of {model.Layout.Description.Name} for {s} sweeps …");
            GibbsResult result = SamplingProgress.Gibbs(cli.Progress, "gibbs sweeps", model, start, s, seedValue);
            float[] visible = result.States[0];
            string path = parse.GetValue(output)!;
            Npy.Write(path, NpyArray.FromSingles([c, model.Layout.States[0].Size], visible));
            double activity = visible.Average();
            cli.Result(new SampleResult(model.Layout.Description.Name, path, c, s, activity), $"wrote {c} samples to {path} (mean activity {activity:0.###})");
            return EbmCommand.Success;
        });
        return command;
    }
}
