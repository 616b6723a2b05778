using Ebm.OpenCL;

namespace Ebm.OpenCL.Tests;

/// <summary>
/// OpenCL tests skip with a visible reason where no platform is installed, and fail instead when
/// EBM_REQUIRE_OPENCL=1 (as in CI), so that a broken install cannot pass as a skip.
/// </summary>
internal static class OpenClRequirement
{
    public const string Variable = "EBM_REQUIRE_OPENCL";

    // One context for the tests that only use it, so each program is compiled once per test run; the device is
    // the one EBM_OPENCL_DEVICE selects. Never disposed: it lives as long as the test process.
    private static readonly Lazy<OpenClContext> s_shared = new(() => new OpenClContext(OpenClPlatforms.Select()));

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

    /// <summary>The shared context, after skipping or failing as <see cref="Devices"/> does.</summary>
    public static OpenClContext SharedContext()
    {
        Devices();
        return s_shared.Value;
    }

    /// <summary>A new context of its own, for tests that dispose it or count its builds.</summary>
    public static OpenClContext NewContext()
    {
        Devices();
        return new OpenClContext(OpenClPlatforms.Select());
    }
}
