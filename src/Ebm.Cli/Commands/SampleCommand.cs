using System.CommandLine;
using Ebm.Cli.Progress;
using Ebm.IO;
using Ebm.Rng;
using Ebm.Sampling;

namespace Ebm.Cli.Commands;

/// <summary>
/// `ebm sample MODEL`: Gibbs chains from a Boltzmann model file, the data group's final states as .npy; a continuous model
/// file (MlpEnergy, NoiseConditionalMlp) goes to <see cref="ContinuousSampling"/> (--sampler, --steps, --step-size).
/// </summary>
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
        var sampler = new Option<string>("--sampler") { Description = $"Continuous models: {string.Join(", ", ContinuousSampling.Samplers)}.", DefaultValueFactory = _ => "annealed" };
        var steps = new Option<int>("--steps") { Description = "Continuous models: Langevin moves (annealed: over all levels) or diffusion steps T.", DefaultValueFactory = _ => 1000 };
        var stepSize = new Option<float>("--step-size") { Description = "Continuous models: ULA/MALA's α, annealed Langevin's ε (the step at the smallest level).", DefaultValueFactory = _ => 1e-3f };
        var command = new Command("sample", "Run Gibbs chains of a Boltzmann model file from uniformly random states, or Langevin or diffusion chains of a continuous one, and write the final states.")
        {
            file, chains, sweeps, sigma, seed, output, sampler, steps, stepSize,
        };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int c = parse.GetValue(chains), s = parse.GetValue(sweeps);
            if (c <= 0 || s < 0)
                throw new ArgumentException("--chains must be positive and --sweeps not negative");
            string path = parse.GetValue(file)!;
            if (File.Exists(path) && ContinuousModels.Holds(path))
            {
                int t = parse.GetValue(steps);
                if (t <= 0)
                    throw new ArgumentException("--steps must be positive");
                var continuous = ContinuousSampling.Run(path, parse.GetValue(sampler)!, c, t, parse.GetValue(stepSize), parse.GetValue(seed), parse.GetValue(output)!, cli);
                cli.Result(continuous, $"wrote {c} samples to {continuous.Out} (mean {string.Join(", ", continuous.Mean.Select(m => m.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))})");
                return EbmCommand.Success;
            }
            IGibbsModel model = TrainableModels.Load(path, parse.GetValue(sigma));
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
            string written = parse.GetValue(output)!;
            Npy.Write(written, NpyArray.FromSingles([c, model.Layout.States[0].Size], visible));
            double activity = visible.Average();
            cli.Result(new SampleResult(model.Layout.Description.Name, written, c, s, activity), $"wrote {c} samples to {written} (mean activity {activity:0.###})");
            return EbmCommand.Success;
        });
        return command;
    }
}
