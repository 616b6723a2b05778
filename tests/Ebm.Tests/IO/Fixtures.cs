namespace Ebm.Tests.IO;

/// <summary>Paths of the committed fixture files (made by IO/Fixtures/make_fixtures.py) and of the repository.</summary>
internal static class Fixtures
{
    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "IO", "Fixtures", name);

    /// <summary>The folder holding Ebm.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (System.IO.File.Exists(Path.Combine(d.FullName, "Ebm.sln")))
                return d.FullName;
        throw new InvalidOperationException($"No Ebm.sln above {AppContext.BaseDirectory}.");
    }
}
