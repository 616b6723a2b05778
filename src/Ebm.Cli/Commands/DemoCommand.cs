using System.CommandLine;
using System.Diagnostics;
using Ebm.Cli.Demo;
using Ebm.Cli.Plots;
using Ebm.IO;

namespace Ebm.Cli.Commands;

/// <summary>
/// `ebm demo [--out DIR]`: the embedded default. Trains a mixture energy on two moons and an RBM on the Fashion-MNIST
/// subset inside Ebm.dll, and writes an energy landscape, RBM samples, training curves and report.md to DIR.
/// </summary>
internal static class DemoCommand
{
    internal sealed record DemoResult(string Out, IReadOnlyList<string> Files, double Seconds, MixtureSummary Mixture, RbmSummary Rbm);

    internal sealed record MixtureSummary(int Components, int Steps, double InitialLogLikelihood, double TestLogLikelihood, double FinalLoss,
        double Mmd2, double Mmd2Reference, double AcceptanceRate);

    internal sealed record RbmSummary(int Hidden, int Epochs, double InitialLogLikelihood, double TestLogLikelihood, double ReconstructionError);

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var output = new Option<string>("--out") { Description = "The folder of the figures and report.md.", DefaultValueFactory = _ => "ebm-demo" };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL };
        // Seconds instead of a minute, for the tests: the same files from smaller runs.
        var quick = new Option<bool>("--quick") { Hidden = true };
        var command = new Command("demo", "Train a mixture energy on two moons and an RBM on built-in Fashion-MNIST; write figures and report.md. No files or network needed.")
        {
            output, seed, quick,
        };
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            string folder = parse.GetValue(output)!;
            bool isQuick = parse.GetValue(quick);
            DemoSettings settings = isQuick ? DemoSettings.Quick : DemoSettings.Full;
            ulong s = parse.GetValue(seed);
            Directory.CreateDirectory(folder);
            if (PlotFonts.Note is { } note)
                cli.Info(note);
            var clock = Stopwatch.StartNew();

            cli.Info($"1/2 Gaussian mixture ({settings.MixtureComponents} components) on two moons: denoising score matching, MALA samples …");
            MixtureOutcome mixture = MixtureDemo.Run(settings, folder, cli.Progress, s);
            cli.Info($"    held-out log p(x) {mixture.InitialLogLikelihood:0.000} → {mixture.TestLogLikelihood:0.000} nats, MMD² of the samples {mixture.Mmd2:0.0000} (two draws of the data: {mixture.Mmd2Reference:0.0000})");

            cli.Info($"2/2 Bernoulli RBM 784×{settings.RbmHidden} on the embedded Fashion-MNIST subset: PCD, exact log-likelihood, Gibbs samples …");
            RbmOutcome rbm = RbmDemo.Run(settings, folder, cli.Progress, s);
            double rbmLogLikelihood = rbm.History[^1].LogLikelihood ?? double.NaN;
            cli.Info($"    held-out log p(v) {rbm.InitialLogLikelihood:0.00} → {rbmLogLikelihood:0.00} nats after {rbm.History.Count} epochs");

            DemoReport.SaveCurves(folder, mixture, rbm);
            double seconds = clock.Elapsed.TotalSeconds;
            string report = DemoReport.Markdown(mixture, rbm, seconds, isQuick, PlotFonts.Note);
            AtomicFile.Write(Path.Combine(folder, DemoFiles.Report), stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(report);
            });

            string[] files = [.. DemoFiles.All.Select(f => Path.Combine(folder, f))];
            cli.Result(new DemoResult(folder, files, Math.Round(seconds, 1),
                    new MixtureSummary(mixture.Components, mixture.Steps, mixture.InitialLogLikelihood, mixture.TestLogLikelihood, mixture.FinalLoss,
                        mixture.Mmd2, mixture.Mmd2Reference, mixture.AcceptanceRate),
                    new RbmSummary(rbm.Hidden, rbm.History.Count, rbm.InitialLogLikelihood, rbmLogLikelihood, rbm.History[^1].ReconstructionError)),
                $"wrote {string.Join(", ", DemoFiles.All)} to {folder} in {seconds:0} s; open {Path.Combine(folder, DemoFiles.Report)}");
            return EbmCommand.Success;
        });
        return command;
    }
}
