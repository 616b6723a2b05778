namespace Ebm.IO;

/// <summary>
/// Writes a file so that readers see either the old contents or the complete new ones, never a half-written file:
/// the contents go to a temporary file in the same folder, are flushed to the disk, and the temporary file is then
/// renamed over the target. A failure (an exception from the writer, a full disk, a killed process before the
/// rename) leaves the old file as it was.
/// </summary>
/// <remarks>
/// The temporary file must be in the target's folder because a rename is atomic only within one file system.
/// It is named <c>.{name}.{random}.tmp</c>, so a crash between creating and renaming it leaves a hidden file
/// that is easy to recognise; an exception removes it.
/// </remarks>
public static class AtomicFile
{
    /// <summary>The suffix of the temporary files <see cref="Write"/> creates next to the target.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Replaces (or creates) <paramref name="path"/> with what <paramref name="write"/> writes.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="write">Writes the complete contents to the stream it is given; it must not keep the stream.</param>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"{path} names a root, not a file.", nameof(path));
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                // Without the flush to disk, a power cut after the rename could leave the new name on an empty file.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // The original error is the one worth reporting; a leftover hidden .tmp file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
