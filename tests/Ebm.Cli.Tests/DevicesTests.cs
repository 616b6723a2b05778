namespace Ebm.Cli.Tests;

public class DevicesTests
{
    [Fact]
    public void Devices_json_lists_devices_or_says_why_there_are_none()
    {
        CliRun run = Cli.Run("devices", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        bool available = json.GetProperty("available").GetBoolean();
        Assert.Equal(available, json.GetProperty("devices").GetArrayLength() > 0);
        if (!available)
            Assert.Contains("pocl-opencl-icd", json.GetProperty("reason").GetString());
    }

    [Fact]
    public void Without_a_platform_devices_names_the_missing_driver()
    {
        // An empty vendor directory hides every installed ICD from the loader in the child process.
        string empty = Directory.CreateTempSubdirectory("ebm-no-icd-").FullName;
        CliRun run = Cli.RunProcess(new Dictionary<string, string> { ["OCL_ICD_VENDORS"] = empty, ["OPENCL_VENDOR_PATH"] = empty }, "devices", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.False(json.GetProperty("available").GetBoolean());
        Assert.Contains("apt-get install pocl-opencl-icd", json.GetProperty("reason").GetString());
    }
}
