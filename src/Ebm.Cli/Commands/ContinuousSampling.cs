using Ebm.IO;
using Ebm.Models;
using Ebm.OpenCL;
using Ebm.Sampling;

namespace Ebm.Cli.Commands;

/// <summary>
/// `ebm sample` for a continuous model file (MlpEnergy, NoiseConditionalMlp): ULA or MALA on the model at its
/// smallest level, annealed Langevin over the levels, or the ancestral diffusion sampler (the model read as a
/// variance-exploding score, which both DSM and NCSN learn); the final states as .npy.
/// </summary>
internal static class ContinuousSampling
{
    internal sealed record ContinuousSampleResult(string Model, string Sampler, string Out, int Chains, int Steps, IReadOnlyList<double> Mean);

    public static readonly string[] Samplers = ["ula", "mala", "annealed", "diffusion"];

    public static ContinuousSampleResult Run(string path, string sampler, int chains, int steps, float stepSize, ulong seed, string output, SamplerBackend backend, CliContext cli)
    {
        if (!Samplers.Contains(sampler))
            throw new ArgumentException($"unknown sampler '{sampler}'; use {string.Join(", ", Samplers)}");
        if (!(stepSize > 0 && float.IsFinite(stepSize)))
            throw new ArgumentException($"--step-size must be positive, got {stepSize}");
        ContinuousModels.Loaded loaded = ContinuousModels.Load(path);
        int d = loaded.Dimension;
        // Langevin chains start as broad as the largest level's noise; the diffusion sampler from N(0, I), as Ho et al.
        float[] start = StandardWorkloads.NormalStart(chains, d, sampler == "diffusion" ? 1f : Math.Max(1f, loaded.Levels[0]), seed);
        cli.Info($"sampling {chains} chains of {loaded} by {sampler}, {steps} steps …");
        if (backend.IsOpenCl && sampler is "annealed" or "diffusion")
            cli.Info($"{sampler} runs on the CPU (OpenCL runs ULA, MALA and Gibbs)");
        float[] samples = sampler switch
        {
            "ula" => Ebm.OpenCL.Samplers.Ula(loaded.Model, [start], new LangevinOptions(stepSize, steps, seed), backend).States[0],
            "mala" => Ebm.OpenCL.Samplers.Mala(loaded.Model, [start], new LangevinOptions(stepSize, steps, seed), backend).States[0],
            "annealed" => Langevin.Annealed(s => loaded.AtNoise(s), [start],
                new AnnealedLangevinOptions(loaded.Levels, stepSize, Math.Max(1, steps / loaded.Levels.Count), seed)).States[0],
            _ => DiffusionSampler.Sample(s => loaded.AtNoise(s), start, new DiffusionOptions(steps, seed)).States,
        };
        SampleOutput.Write(output, samples, chains, d, points =>
        {
            var energies = new float[points.Length / d];
            loaded.Model.Energy([points], energies);
            return energies;
        }, $"{chains} {sampler} samples of {loaded.Name}");
        double[] mean = [.. Enumerable.Range(0, d).Select(i => Enumerable.Range(0, chains).Average(c => (double)samples[c * d + i]))];
        return new ContinuousSampleResult(loaded.Name, sampler, output, chains, steps, mean);
    }
}
