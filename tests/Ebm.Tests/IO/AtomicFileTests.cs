using Ebm.IO;

namespace Ebm.Tests.IO;

/// <summary>An atomic write leaves the complete new file or the untouched old one, and never a temporary file.</summary>
public class AtomicFileTests
{
    [Fact]
    public void CreatesTheFileAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        AtomicFile.Write(folder.File("a.bin"), s => s.Write([1, 2, 3]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(folder.File("a.bin")));
        Assert.Equal(["a.bin"], folder.Entries());
    }

    [Fact]
    public void ReplacesAnExistingFile()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("a.bin"), new byte[1000]);
        AtomicFile.Write(folder.File("a.bin"), s => s.Write([9]));
        Assert.Equal([9], File.ReadAllBytes(folder.File("a.bin")));
        Assert.Equal(["a.bin"], folder.Entries());
    }

    [Fact]
    public void AWriteThatFailsMidwayLeavesTheOldFileIntact()
    {
        using var folder = new TempFolder();
        byte[] old = [.. Enumerable.Range(0, 5000).Select(i => (byte)i)];
        File.WriteAllBytes(folder.File("model.safetensors"), old);
        string? temporary = null;
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(folder.File("model.safetensors"), s =>
        {
            s.Write(new byte[3000]);
            s.Flush();
            temporary = ((FileStream)s).Name;
            // The half-written contents exist on disk, under another name, when the failure comes.
            Assert.Equal(3000, new FileInfo(temporary).Length);
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("disk full (simulated)", e.Message);
        Assert.Equal(old, File.ReadAllBytes(folder.File("model.safetensors")));
        Assert.Equal(["model.safetensors"], folder.Entries());
        Assert.StartsWith(folder.File(".model.safetensors."), temporary);
        Assert.EndsWith(AtomicFile.TemporarySuffix, temporary);
    }

    [Fact]
    public void AFailedFirstWriteLeavesNoFileAtAll()
    {
        using var folder = new TempFolder();
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(folder.File("new.bin"), s =>
        {
            s.Write([1, 2]);
            throw new InvalidOperationException("serialiser failed");
        }));
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void AMissingFolderIsReportedAndNothingIsCreated()
    {
        using var folder = new TempFolder();
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(folder.File("no/such/folder/x.bin"), s => s.Write([1])));
        Assert.Empty(folder.Entries());
    }
}
