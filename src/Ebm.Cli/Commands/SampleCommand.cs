using System.CommandLine;
using Ebm.Cli.Progress;
using Ebm.IO;
using Ebm.OpenCL;
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
        var file = new ModelFileArgument();
        var chains = new Option<int>("--chains") { DefaultValueFactory = _ => 16 };
        var sweeps = new Option<int>("--sweeps") { DefaultValueFactory = _ => 1000 };
        var sigma = new Option<float>("--sigma") { DefaultValueFactory = _ => 1f };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL };
        var output = new Option<string>("--out") { Description = "The .npy file of the samples (chains × data units).", DefaultValueFactory = _ => "samples.npy" };
        var sampler = new Option<string?>("--sampler") { Description = $"gibbs (Boltzmann model files, the default for them) or, for continuous ones, {string.Join(", ", ContinuousSampling.Samplers)} (default annealed)." };
        var steps = new Option<int?>("--steps") { Description = "Gibbs sweeps (as --sweeps), Langevin moves (annealed: over all levels) or diffusion steps T (default 1000)." };
        var stepSize = new Option<float>("--step-size") { Description = "Continuous models: ULA/MALA's α, annealed Langevin's ε (the step at the smallest level).", DefaultValueFactory = _ => 1e-3f };
        var (backend, device) = BackendSelection.Options();
        var command = new Command("sample", "Run Gibbs chains of a Boltzmann model file from uniformly random states, or Langevin or diffusion chains of a continuous one, and write the final states (.npy, or .png: 2-D samples over the energy, square images as a grid).")
        {
            chains, sweeps, sigma, seed, output, sampler, steps, stepSize, backend, device,
        };
        file.AddTo(command);
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            int c = parse.GetValue(chains), s = parse.GetValue(steps) ?? parse.GetValue(sweeps);
            if (c <= 0 || s < 0)
                throw new ArgumentException("--chains must be positive and --sweeps (--steps) not negative");
            string path = file.Path(parse);
            string written = parse.GetValue(output)!;
            string? asked = parse.GetValue(sampler);
            BackendSelection.Target target = BackendSelection.Resolve(cli, parse, backend, device);
            if (File.Exists(path) && ContinuousModels.Holds(path))
            {
                if (asked == "gibbs")
                    throw new ArgumentException($"{path} holds a continuous model; sample it with {string.Join(", ", ContinuousSampling.Samplers)}");
                int t = parse.GetValue(steps) ?? 1000;
                if (t <= 0)
                    throw new ArgumentException("--steps must be positive");
                var continuous = ContinuousSampling.Run(path, asked ?? "annealed", c, t, parse.GetValue(stepSize), parse.GetValue(seed), written, target.Backend, cli);
                cli.Result(continuous, $"wrote {c} samples to {continuous.Out} (mean {string.Join(", ", continuous.Mean.Select(m => m.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))})");
                return EbmCommand.Success;
            }
            IGibbsModel model = TrainableModels.Load(path, parse.GetValue(sigma));
            if (asked is not null and not "gibbs")
                throw new ArgumentException($"{path} holds a Boltzmann machine ({model.Layout.Description.Name}); sample it with gibbs");
            ulong seedValue = parse.GetValue(seed);
            float[][] start = [.. model.Layout.States.Select((g, i) =>
            {
                var u = new float[c * g.Size];
                new RandomStream(seedValue, (uint)i, ulong.MaxValue).FillUniform(u);
                return g.Kind == StateKind.Binary ? u.Select(x => x <= 0.5f ? 1f : 0f).ToArray() : u;
            })];
            cli.Info($"sampling {c} chains of {model.Layout.Description.Name} for {s} sweeps on {target} …");
            // The OpenCL path runs the sweeps as one device job, so only the CPU run is cut into pieces for a bar.
            GibbsResult result = target.Backend.IsOpenCl
                ? Samplers.Gibbs(model, start, new GibbsOptions(s, seedValue), target.Backend)
                : SamplingProgress.Gibbs(cli.Progress, "gibbs sweeps", model, start, s, seedValue);
            float[] visible = result.States[0];
            int units = model.Layout.States[0].Size;
            SampleOutput.Write(written, visible, c, units, null, $"{c} Gibbs samples of {model.Layout.Description.Name} after {s} sweeps");
            double activity = visible.Average();
            cli.Result(new SampleResult(model.Layout.Description.Name, written, c, s, activity), $"wrote {c} samples to {written} (mean activity {activity:0.###})");
            return EbmCommand.Success;
        });
        return command;
    }
}
