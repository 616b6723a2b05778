using Ebm.OpenCL;

namespace Ebm.OpenCL.Tests;

/// <summary>
/// OpenCL tests skip with a visible reason where no platform is installed, and fail instead when
/// EBM_REQUIRE_OPENCL=1 (as in CI), so that a broken install cannot pass as a skip.
/// </summary>
internal static class OpenClRequirement
{
    public const string Variable = "EBM_REQUIRE_OPENCL";

    public static IReadOnlyList<OpenClDevice> Devices()
    {
        OpenClProbe probe = OpenClPlatforms.Probe();
        if (!probe.IsAvailable)
        {
            if (Environment.GetEnvironmentVariable(Variable) == "1")
                Assert.Fail($"{Variable}=1 but OpenCL is unavailable: {probe.Reason}");
            Skip.If(true, $"OpenCL is unavailable: {probe.Reason}");
        }
        return probe.Devices;
    }
}
