using System.CommandLine;
using Ebm.OpenCL;

namespace Ebm.Cli.Commands;

/// <summary>`--backend cpu|opencl` and `--device`, shared by the commands that sample (`bench`, `sample`).</summary>
internal static class BackendSelection
{
    public static (Option<string> Backend, Option<string?> Device) Options() =>
        (new Option<string>("--backend") { Description = "cpu (generated C#) or opencl.", DefaultValueFactory = _ => "cpu" }.AcceptOnlyFromAmong("cpu", "opencl"),
         new Option<string?>("--device") { Description = $"The OpenCL device: gpu, cpu, accelerator or part of its name (default: {OpenClPlatforms.DeviceVariable}, else the first GPU, else the first device)." });

    /// <summary>Where a run goes: the backend asked for, and the device's name when it runs on one.</summary>
    public sealed record Target(SamplerBackend Backend, string? Device)
    {
        public string Name => Device is null ? "cpu" : "opencl";

        public override string ToString() => Device is null ? "the CPU" : "OpenCL " + Device;
    }

    /// <summary>
    /// The backend asked for. Where OpenCL was asked for and no platform exists, the samplers say so once on stderr and
    /// run on the CPU, and the target names the CPU; an unknown --device fails here, before any work, listing the devices.
    /// </summary>
    public static Target Resolve(CliContext cli, ParseResult parse, Option<string> backend, Option<string?> device)
    {
        SamplerBackend asked = SamplerBackend.Parse(parse.GetValue(backend)!, parse.GetValue(device));
        Samplers.Notice = cli.Error.WriteLine;
        if (!asked.IsOpenCl || !OpenClPlatforms.Probe().IsAvailable)
            return new Target(asked, null);
        return new Target(asked, OpenClContexts.Shared(asked.Device).Device.DisplayName);
    }
}
