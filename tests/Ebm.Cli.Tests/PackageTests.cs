using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Ebm.Cli.Tests;

/// <summary>
/// The `Ebm` package as a user meets it: packed into a folder, restored offline into a fresh project that declares a
/// model of its own, whose generated code then computes the energy and gradient written out by hand.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ebm-package-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file of the fresh project; /tmp is cleaned anyway.
        }
    }

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Ebm" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    // A model the package has never seen: E(x) = ½ Σ kᵢxᵢ² + softplus(w·x), so ∇ₓE = k∘x + σ(w·x) w.
    private const string Program = """
        using System.Globalization;
        using Ebm;
        using Ebm.Dsl;
        using static Ebm.Dsl.Ops;

        var parameters = Bowl.Parameters.Create(x: 3, seed: 1).WithVector([1f, 2f, 3f, 0.5f, -1f, 0.25f]);
        IEnergyModel model = Bowl.Create(parameters);
        float[] x = [1f, -1f, 2f];
        var gradient = new float[3];
        float energy = model.StateGradient([x], [gradient]);
        Console.WriteLine(string.Join(" ", new[] { energy }.Concat(gradient).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));

        [EnergyModel]
        public static partial class Bowl
        {
            public static Scalar Energy([State] Vec x, Vec k, Vec w) => Dot(k * x, x) / 2 + Softplus(Dot(w, x));
        }
        """;

    [Fact]
    public void A_fresh_project_declares_a_model_with_the_package_and_runs_its_generated_code()
    {
        string root = RepositoryRoot(), configuration = Configuration();
        string feed = Path.Combine(folder, "feed"), app = Path.Combine(folder, "app");
        Directory.CreateDirectory(app);
        Dotnet(root, "pack", Path.Combine(root, "src", "Ebm.Package", "Ebm.Package.csproj"), "--no-build", "-c", configuration, "-o", feed);
        Assert.True(File.Exists(Path.Combine(feed, "Ebm.0.1.0.nupkg")));

        // Offline and isolated: the packed folder, and this machine's package cache as a feed for the package's
        // dependency; a global folder of its own so no earlier Ebm 0.1.0 is reused.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(folder, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="ebm" value="{feed}" />
                <add key="cache" value="{cache}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), Project);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
        Dotnet(app, "build", "-c", "Release", "-nologo", "-p:UseSharedCompilation=false");
        string output = Dotnet(app, "run", "--no-build", "-c", "Release");

        double[] values = [.. output.Trim().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        // k·x² = 1 + 2 + 12, w·x = 0.5 + 1 + 0.5 = 2.
        double s = 1 / (1 + Math.Exp(-2));
        double[] expected = [15 / 2.0 + Math.Log(1 + Math.Exp(2)), 1 + 0.5 * s, -2 - s, 6 + 0.25 * s];
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], values[i], 5);
    }

    private static string Dotnet(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
            start.ArgumentList.Add(a);
        // The test host's MSBuild settings would point the child at this build's SDK state.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(240_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish within 240 s");
        }
        string output = stdout.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{stderr.GetAwaiter().GetResult()}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Ebm.sln")))
                return d.FullName;
        throw new InvalidOperationException($"no Ebm.sln above {AppContext.BaseDirectory}");
    }

    private static string Configuration() =>
        typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
}
