using Ebm.OpenCL;

namespace Ebm.OpenCL.Tests;

public class PlatformTests
{
    [SkippableFact]
    public void Lists_devices_with_their_properties()
    {
        IReadOnlyList<OpenClDevice> devices = OpenClRequirement.Devices();
        Assert.All(devices, d =>
        {
            Assert.False(string.IsNullOrEmpty(d.Name));
            Assert.Contains(d.Type, new[] { "cpu", "gpu", "accelerator", "other" });
            Assert.True(d.ComputeUnits > 0, $"{d.DisplayName}: {d.ComputeUnits} compute units");
            Assert.True(d.GlobalMemoryBytes > 0);
            Assert.StartsWith("OpenCL C ", d.OpenClCVersion);
        });
    }

    [SkippableFact]
    public void Selects_by_type_and_by_name()
    {
        OpenClDevice first = OpenClRequirement.Devices()[0];
        Assert.Equal(first.Type, OpenClPlatforms.Select(first.Type.ToUpperInvariant()).Type);
        string part = first.Name[..Math.Min(6, first.Name.Length)].ToLowerInvariant();
        Assert.Contains(part, OpenClPlatforms.Select(part).DisplayName, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(OpenClPlatforms.Select(""));
    }

    [SkippableFact]
    public void Unknown_device_name_lists_the_available_ones()
    {
        IReadOnlyList<OpenClDevice> devices = OpenClRequirement.Devices();
        var e = Assert.Throws<OpenClUnavailableException>(() => OpenClPlatforms.Select("no-such-device-xyz"));
        Assert.Contains("no-such-device-xyz", e.Message);
        Assert.All(devices, d => Assert.Contains(d.Name, e.Message));
    }
}
