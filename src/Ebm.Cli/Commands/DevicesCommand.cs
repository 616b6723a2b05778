using System.CommandLine;
using System.Text;
using Ebm.OpenCL;

namespace Ebm.Cli.Commands;

/// <summary>`ebm devices`: the OpenCL platforms and devices, or why there are none.</summary>
internal static class DevicesCommand
{
    internal sealed record DevicesResult(bool Available, string? Reason, IReadOnlyList<OpenClDevice> Devices);

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var command = new Command("devices", "List OpenCL platforms and devices (choose one with EBM_OPENCL_DEVICE).");
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            OpenClProbe probe = OpenClPlatforms.Probe();
            var human = new StringBuilder();
            if (!probe.IsAvailable)
                human.Append("No OpenCL device: ").Append(probe.Reason).Append(" Ebm runs on the CPU.");
            foreach (OpenClDevice d in probe.Devices)
                human.AppendLine($"{d.DisplayName}: {d.OpenClCVersion}, {d.ComputeUnits} compute units, {d.GlobalMemoryBytes / (1 << 20)} MiB");
            // No device is an answer, not an error: the CPU backend still works.
            cli.Result(new DevicesResult(probe.IsAvailable, probe.Reason, probe.Devices), human.ToString().TrimEnd());
            return EbmCommand.Success;
        });
        return command;
    }
}
