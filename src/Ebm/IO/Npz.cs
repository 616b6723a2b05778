using System.IO.Compression;

namespace Ebm.IO;

/// <summary>
/// Reads numpy's .npz archives (<c>np.savez</c>, <c>np.savez_compressed</c>): a zip file with one .npy member per
/// array, named after the keyword it was saved under.
/// </summary>
public static class Npz
{
    /// <summary>Reads every array of an .npz archive.</summary>
    /// <param name="path">The archive.</param>
    /// <returns>The arrays by name (the member name without <c>.npy</c>), in archive order.</returns>
    /// <exception cref="DataFormatException">
    /// The file is not a zip archive, a member is not an .npy file, or a member is malformed (the error names
    /// <c>archive:member</c> and the offset within the member).
    /// </exception>
    public static IReadOnlyDictionary<string, NpyArray> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, 0, $"not a zip archive (an .npz file is a zip of .npy files): {e.Message}", e);
        }

        using (archive)
        {
            IReadOnlyList<ZipArchiveEntry> entries;
            try
            {
                // The central directory is read on first access, so its damage surfaces here, not in the constructor.
                entries = archive.Entries;
            }
            catch (InvalidDataException e)
            {
                throw new DataFormatException(path, 0, $"corrupt zip directory (an .npz file is a zip of .npy files): {e.Message}", e);
            }

            var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
            foreach (ZipArchiveEntry entry in entries)
            {
                string member = $"{path}:{entry.FullName}";
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                    throw new DataFormatException(member, 0, "an .npz archive holds only .npy members");
                if (entry.Length > Array.MaxLength)
                    throw new DataFormatException(member, 0, $"the member is {entry.Length} bytes, more than one array can hold");
                byte[] bytes = ReadMember(entry, member);
                arrays.Add(entry.FullName[..^4], Npy.Parse(bytes, member));
            }
            return arrays.AsReadOnly();
        }
    }

    private static byte[] ReadMember(ZipArchiveEntry entry, string member)
    {
        var bytes = new byte[entry.Length];
        int done = 0;
        try
        {
            using Stream stream = entry.Open();
            while (done < bytes.Length)
            {
                int n = stream.Read(bytes, done, bytes.Length - done);
                if (n == 0)
                    break;
                done += n;
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            // A damaged local header, compressed data, or a compression method field that no longer names one.
            throw new DataFormatException(member, done, $"corrupt member data after {done} bytes: {e.Message}", e);
        }
        if (done < bytes.Length)
            throw new DataFormatException(member, done, $"truncated at offset {done} of the {bytes.Length} bytes the archive lists for the member");
        return bytes;
    }
}
