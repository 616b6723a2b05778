namespace Ebm.Tests.IO;

/// <summary>A fresh folder under the system's temporary folder, removed with everything in it on disposal.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ebm-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of the entries in the folder, hidden ones included, sorted.</summary>
    public string[] Entries() =>
        Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in /tmp must not fail a test that passed.
        }
    }
}
