using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Ebm.Generators.Tests;

/// <summary>
/// One case (or more) per diagnostic id: for an error the generator reports exactly that id, at the marked
/// span, and generates nothing for the model; for a warning it reports it and still generates code that compiles.
/// </summary>
public class DiagnosticTests
{
    private const string Usings = "using Ebm.Dsl;\nusing static Ebm.Dsl.Ops;\n\n";

    /// <summary>A valid model class around <paramref name="members"/>.</summary>
    private static string InModel(string members) =>
        Usings + "[EnergyModel]\npublic static partial class M\n{\n" + members + "\n}\n";

    /// <summary>A valid model whose Energy has the given block body.</summary>
    private static string WithBody(string statements) =>
        InModel("    public static Scalar Energy([State] Vec x, Vec b)\n    {\n" + statements + "\n    }");

    public static TheoryData<string, string> Cases { get; } = new()
    {
        { "EBM0001", Usings + "[EnergyModel]\npublic static class [|M|]\n{\n    public static Scalar Energy([State] Vec x) => Sum(x);\n}" },
        { "EBM0001", Usings + "public class [|Outer|]\n{\n    [EnergyModel]\n    public static partial class M\n    {\n        public static Scalar Energy([State] Vec x) => Sum(x);\n    }\n}" },
        { "EBM0002", Usings + "[EnergyModel]\npublic partial class [|M|]\n{\n    public static Scalar Energy([State] Vec x) => Sum(x);\n}" },
        { "EBM0003", Usings + "[EnergyModel]\npublic static partial class [|M|]<T>\n{\n    public static Scalar Energy([State] Vec x) => Sum(x);\n}" },
        { "EBM0003", InModel("    public static Scalar [|Energy|]<T>([State] Vec x) => Sum(x);") },
        { "EBM0004", Usings + "[EnergyModel]\npublic static partial class [|M|]\n{\n    public static Scalar Energie([State] Vec x) => Sum(x);\n}" },
        { "EBM0005", InModel("    public static Scalar Energy([State] Vec x) => Sum(x);\n    public static Scalar [|Energy|]([State] Vec x, Vec y) => Dot(x, y);") },
        { "EBM0006", InModel("    public static [|Vec|] Energy([State] Vec x) => x;") },
        { "EBM0006", InModel("    public static [|double|] Energy([State] Vec x) => 0.0;") },
        { "EBM0007", InModel("    public static Scalar Energy([State] Vec x, [|double k|]) => Sum(x);") },
        { "EBM0007", InModel("    public static Scalar Energy([State] Vec x, [|ref Vec y|]) => Dot(x, y);") },
        { "EBM0008", InModel("    public static Scalar Energy([State] [|Mat|] x) => Sum(x);") },
        { "EBM0009", InModel("    public static Scalar Energy([State, Binary] Vec [|x|]) => Sum(x);") },
        { "EBM0009", InModel("    public static Scalar Energy([Binary, Const] Vec [|x|]) => Sum(x);") },
        { "EBM0010", InModel("    public static Scalar [|Energy|](Vec x) => Sum(x);") },
        { "EBM0011", WithBody("        [|for|] (int i = 0; i < 3; i++) { }\n        return Sum(x);") },
        { "EBM0011", WithBody("        [|while|] (false) { }\n        return Sum(x);") },
        { "EBM0012", WithBody("        [|if|] (true) { }\n        return Sum(x);") },
        { "EBM0012", InModel("    public static Scalar Energy([State] Vec x) => [|x.Length > 2 ? Sum(x) : Norm2(x)|];") },
        { "EBM0013", WithBody("        var s = Sum(x);\n        [|s = s * 2|];\n        return s;") },
        { "EBM0014", WithBody("        var f = [|(Scalar a) => a * 2|];\n        return Sum(x);") },
        { "EBM0014", WithBody("        Scalar [|Twice|](Scalar a) => a * 2;\n        return Sum(x);") },
        { "EBM0015", InModel("    public static Scalar Energy([State] Vec x) => Sum(x) * [|System.Math.Exp|](2.0);") },
        { "EBM0016", InModel("    private static readonly Scalar Scale = 2;\n    public static Scalar Energy([State] Vec x) => [|Scale|] * Sum(x);") },
        { "EBM0016", InModel("    public static Scalar Energy([State] Vec x) => Sum(x) * [|x.Length|];") },
        { "EBM0017", InModel("    public static Scalar Energy([State] Vec x) => Sum([|Relu|](x));") },
        { "EBM0017", InModel("    public static Scalar Energy([State] Vec x) => Sum([|Ops.Relu|](x));") },
        { "EBM0018", WithBody("        var s = Sum(x);\n        [|System.Console.WriteLine(s);|]\n        return s;") },
        { "EBM0018", WithBody("        return Sum(x);\n        [|var s = Sum(b);|]") },
        { "EBM0019", InModel("    public static Scalar Energy([State] Vec x) => Sum(x) * [|(Scalar)2.0|];") },
        { "EBM0019", InModel("    public static Scalar Energy([State] Vec x) => Sum(x) * (2 [|%|] 3);") },
        { "EBM0020", InModel("    public static Scalar Energy([State] Vec x) => Sum([|Softmax(Sum(x))|]);") },
        { "EBM0020", InModel("    public static Scalar Energy([State] Vec x, Mat W) => Sum([|W / x|]);") },
        { "EBM0021", InModel("    public static Scalar Energy([State] Vec x, Vec [|Vector|]) => Dot(x, Vector);") },
        { "EBM0021", InModel("    public static Scalar Energy([State] Vec x, [Const] Scalar [|Layout|]) => Layout * Sum(x);") },
        { "EBM0022", InModel("    public static Scalar Energy([State] Vec x) => Sum(x);\n    public static int [|Create|]() => 1;") },
        { "EBM0022", InModel("    public static Scalar Energy([State] Vec x) => Sum(x);\n    public sealed class [|Model|] { }") },
        { "EBM0024", InModel("    public static Scalar Energy([State] Vec v, [Binary] Vec h, [Binary] Vec [|H|]) => Dot(v, v) + Dot(h, h) + Dot(H, H);") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_construct_at_its_location_and_generates_nothing(string id, string markedSource)
    {
        var source = MarkedSource.Parse(markedSource);
        var run = GeneratorHarness.Generate(source.Text);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(source.Span == diagnostic.Location.SourceSpan,
            $"{id} expected at '{source.Text.Substring(source.Span.Start, source.Span.Length)}' but was at '{source.Text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length)}': {diagnostic.GetMessage()}");
        Assert.Empty(run.Result.GeneratedSources);
    }

    /// <summary>Warnings: the model is generated anyway.</summary>
    public static TheoryData<string, string> WarningCases { get; } = new()
    {
        { "EBM0023", InModel("    public static Scalar Energy([State] Vec x, [|[Binary] Vec u|]) => Sum(Exp(u)) + Dot(x, x);") },
    };

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void Reports_the_warning_at_its_location_and_still_generates_compiling_code(string id, string markedSource)
    {
        var source = MarkedSource.Parse(markedSource);
        var run = GeneratorHarness.Generate(source.Text);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Single(run.Result.GeneratedSources);
        // The test source itself has no documentation comments; the generated code must have no problem at all.
        Assert.Empty(run.CompilerProblems.Where(d => d.Id != "CS1591" || d.Location.SourceTree != run.Output.SyntaxTrees.First()).Select(d => d.ToString()));
    }

    [Fact]
    public void Every_descriptor_has_a_case()
    {
        var covered = Cases.Select(row => (string)row[0]).Concat(WarningCases.Select(row => (string)row[0])).ToHashSet();
        var uncovered = Descriptors().Select(d => d.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(uncovered.Count == 0, $"no test case for {string.Join(", ", uncovered)}");
    }

    [Fact]
    public void Descriptors_are_numbered_from_EBM0001_without_gaps_in_one_category()
    {
        var descriptors = Descriptors();
        Assert.Equal(Enumerable.Range(1, descriptors.Count).Select(i => $"EBM{i:D4}"), descriptors.Select(d => d.Id).Order());
        Assert.All(descriptors, d => Assert.Equal("Ebm", d.Category));
    }

    [Fact]
    public void Every_message_ends_with_a_sentence_saying_how_to_fix_it()
    {
        // A cause, then a fix: at least two sentences, the last one ending the message.
        Assert.All(Descriptors(), d =>
        {
            string message = d.MessageFormat.ToString();
            Assert.True(message.EndsWith('.') && message.TrimEnd('.').Contains(". "), $"{d.Id}: '{message}'");
        });
    }

    [Fact]
    public void Every_descriptor_is_catalogued_in_the_specs_and_the_release_file()
    {
        string root = GeneratorHarness.RepositoryRoot();
        string catalogue = File.ReadAllText(Path.Combine(root, "specs", "diagnostics.md"));
        string releases = File.ReadAllText(Path.Combine(root, "generators", "Ebm.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.All(Descriptors(), d =>
        {
            Assert.Contains($"## {d.Id}", catalogue);
            Assert.Contains($"{d.Id} | Ebm | {d.DefaultSeverity}", releases);
        });
    }

    private static IReadOnlyList<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Select(p => (DiagnosticDescriptor)p.GetValue(null)!)
            .ToList();
}
