namespace Ebm.Generators.Tests;

/// <summary>
/// The generated file of two built-in models, compared exactly with a stored baseline, to catch any
/// change to what users read. Set EBM_UPDATE_SNAPSHOTS=1 to rewrite the baselines (the test then
/// fails once, so that the new baseline is reviewed before it is trusted).
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("BernoulliRbm")]
    [InlineData("MlpEnergy")]
    public void Generated_source_matches_its_snapshot(string model)
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.Model(model));
        var generated = Assert.Single(run.Result.GeneratedSources);
        Assert.Equal($"Ebm.Models.{model}.g.cs", generated.HintName);
        string actual = Normalize(generated.SourceText.ToString());

        string file = model + ".g.cs.txt";
        if (Environment.GetEnvironmentVariable("EBM_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "Ebm.Generators.Tests", "Snapshots", file), actual);
            Assert.Fail($"Snapshot {file} rewritten; review it with git diff and run the tests again without EBM_UPDATE_SNAPSHOTS.");
        }

        string expected = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", file)));
        if (expected != actual)
            Assert.Fail(Difference(file, expected, actual));
    }

    // Git may check the baselines out with CRLF; the generator always writes LF.
    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string Difference(string file, string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
            line++;
        return $"""
            Generated source differs from Snapshots/{file} at line {line + 1}:
              expected: {(line < e.Length ? e[line] : "<end of file>")}
              actual:   {(line < a.Length ? a[line] : "<end of file>")}
            Whole generated source:
            {actual}
            """;
    }
}
