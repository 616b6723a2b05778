using System.Collections.Immutable;
using Ebm.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Ebm.Generators.Tests;

/// <summary>Compiles source strings against the runtime, Ebm and Ebm.Dsl and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    /// <summary>XML doc diagnostics on, as in the repository's builds, so a missing doc on generated API shows.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.") || name is "netstandard.dll" or "mscorlib.dll"));
        return platform.Append(typeof(Scalar).Assembly.Location)
            .Append(typeof(ModelDescription).Assembly.Location)
            .Append(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new EnergyModelGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; fails the test if it threw, which it must never do.</summary>
    public static Run Generate(Compilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return new Run(result, output);
    }

    public static Run Generate(params string[] sources) => Generate(Compile(sources));

    /// <summary>The text of a built-in declaration of src/Ebm.Models, copied beside the tests.</summary>
    public static string Model(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Models", name + ".cs"));

    public static IReadOnlyList<string> ModelNames { get; } =
        ["GaussianMixture", "BernoulliRbm", "GaussianBernoulliRbm", "BoltzmannMachine", "DeepBoltzmannMachine", "MlpEnergy"];

    /// <summary>
    /// The checkout the tests were built from, found by walking up from the test binaries to Ebm.sln
    /// ([CallerFilePath] would not do: CI builds map source paths to /_/).
    /// </summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ebm.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Ebm.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One run of the generator: its result and the compilation with the generated trees added.</summary>
internal sealed record Run(GeneratorRunResult Result, Compilation Output)
{
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>Errors and warnings of the consumer compilation after generation (hidden and info ones do not fail a build).</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>
/// Source with one span marked <c>[|like this|]</c>: the text without the marks, and the span they enclosed.
/// </summary>
internal sealed record MarkedSource(string Text, TextSpan Span)
{
    public static MarkedSource Parse(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the test source must mark the expected location with [| |]");
        string text = marked.Remove(end, 2).Remove(start, 2);
        return new MarkedSource(text, TextSpan.FromBounds(start, end - 2));
    }
}
