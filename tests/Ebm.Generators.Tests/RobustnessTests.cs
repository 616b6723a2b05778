using Microsoft.CodeAnalysis;

namespace Ebm.Generators.Tests;

/// <summary>
/// The generator never throws and never emits code that fails to compile, also on the broken code a
/// user has mid-edit: every built-in declaration is cut short and has single characters deleted, at
/// positions spread over the whole file.
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string> Models { get; } = new(GeneratorHarness.ModelNames);

    [Theory]
    [MemberData(nameof(Models))]
    public void Truncated_declarations_neither_throw_nor_emit_broken_code(string model)
    {
        string text = GeneratorHarness.Model(model);
        foreach (int end in Positions(text))
            AssertSafe(text[..end], $"{model} cut at {end}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Declarations_with_a_character_deleted_neither_throw_nor_emit_broken_code(string model)
    {
        string text = GeneratorHarness.Model(model);
        foreach (int at in Positions(text).Where(p => p < text.Length))
            AssertSafe(text.Remove(at, 1), $"{model} without '{text[at]}' at {at}");
    }

    /// <summary>About sixty positions, evenly spread, always including both ends.</summary>
    private static IEnumerable<int> Positions(string text) =>
        Enumerable.Range(0, 61).Select(i => i * text.Length / 60).Distinct();

    // Most edits (inside comments, documentation, whitespace) leave the model and so the generated text as it
    // was; compiling the same generated text beside the same declarations again proves nothing new, and it is
    // most of this test's time, so each distinct generated text is compiled once per model.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Compiled = new();

    private static void AssertSafe(string source, string what)
    {
        var run = GeneratorHarness.Generate(source);  // fails if the generator threw
        if (run.Result.GeneratedSources.Length == 0)
            return;
        // Generated code comes with warnings at most (EBM0023), never with an error.
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (!Compiled.TryAdd(string.Concat(run.Result.GeneratedSources.Select(s => s.SourceText.ToString())), true))
            return;
        var generatedTrees = run.Output.SyntaxTrees.Skip(1).ToHashSet();
        var inGenerated = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
        Assert.True(inGenerated.Count == 0, $"{what}: generated code does not compile: {string.Join("; ", inGenerated)}");
    }
}
