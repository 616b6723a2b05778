using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ebm.Generators.Tests;

/// <summary>
/// Edits that do not change a model must not regenerate it: every tracked step's output is Cached or
/// Unchanged on the second run. That only holds while the models keep no Roslyn objects, which the
/// last test checks by walking everything the steps produced.
/// </summary>
public class IncrementalityTests
{
    private const string Broken = """
        using Ebm.Dsl;
        using static Ebm.Dsl.Ops;

        [EnergyModel]
        public static partial class Broken
        {
            public static Scalar Energy([State] Vec x)
            {
                for (int i = 0; i < 2; i++) { }
                return Sum(x);
            }
        }
        """;

    private static CSharpCompilation Models() =>
        GeneratorHarness.Compile(GeneratorHarness.Model("BernoulliRbm"), GeneratorHarness.Model("MlpEnergy"), Broken);

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var compilation = Models();
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);
        var unrelated = CSharpSyntaxTree.ParseText("namespace Other; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions);

        var second = driver.RunGenerators(compilation.AddSyntaxTrees(unrelated)).GetRunResult().Results.Single();

        AssertNothingReran(second);
    }

    [Fact]
    public void Editing_a_comment_after_the_model_regenerates_nothing()
    {
        var compilation = Models();
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();
        var edited = tree.WithChangedText(tree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(
            new Microsoft.CodeAnalysis.Text.TextSpan(tree.Length, 0), "\n// a note that changes nothing\n")));

        var second = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();

        AssertNothingReran(second);
    }

    [Fact]
    public void Changing_a_role_regenerates_the_model()
    {
        // The counterpart of the tests above: the tracking does see real changes.
        var compilation = Models();
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();
        string text = tree.ToString();
        Assert.Contains("[Binary] Vec h", text);
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace("[Binary] Vec h", "[State] Vec h")));

        var second = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Step_outputs_hold_no_compilation_symbol_or_syntax()
    {
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(Models());
        var result = driver.GetRunResult().Results.Single();

        int walked = 0;
        foreach (string name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"no step tracked as {name}");
            foreach (var (value, _) in steps.SelectMany(step => step.Outputs))
            {
                AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                walked++;
            }
        }
        // Two valid models and one broken: parse results, two models, three diagnostic lists.
        Assert.Equal(3 + 2 + 3, walked);
    }

    [Fact]
    public void The_walk_finds_Roslyn_objects_nested_in_records_and_collections()
    {
        // The check above is only as good as this walk, so it is shown to find a tree two levels down.
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        var holder = new { Name = "model", Items = new List<object> { 1, new KeyValuePair<string, object>("tree", tree) } };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoRoslynObjects(holder, "holder", new HashSet<object>(ReferenceEqualityComparer.Instance)));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoRoslynObjects(tree.GetRoot().GetLocation(), "location", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    private static void AssertNothingReran(GeneratorRunResult second)
    {
        foreach (string name in TrackingNames.All)
        {
            Assert.True(second.TrackedSteps.TryGetValue(name, out var steps), $"no step tracked as {name}");
            Assert.All(steps.SelectMany(step => step.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}"));
        }
        Assert.All(second.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value is Pointer)
            return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal)
            return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"{path} holds a {type.FullName}, which keeps the compilation alive and defeats caching");
        if (!type.IsValueType && !seen.Add(value))
            return;

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
                AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                    AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
    }
}
