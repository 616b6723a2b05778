namespace Ebm.IO;

/// <summary>
/// A file that does not follow its format: an IDX, .npy, .npz or safetensors file that is truncated, corrupt or
/// uses a feature Ebm does not read. The message names the file, the byte offset and the problem, so that a user
/// can tell a truncated download from a wrong file without a debugger.
/// </summary>
/// <remarks>
/// Offsets count bytes from the start of what the format describes: the decompressed stream for a gzip-compressed
/// IDX file, the member for an array inside an .npz archive (whose <see cref="FilePath"/> is then
/// <c>archive.npz:member.npy</c>).
/// </remarks>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception; the message is <c>"{filePath}: byte {offset}: {problem}"</c>.</summary>
    /// <param name="filePath">The file (or archive member) that is malformed.</param>
    /// <param name="offset">The byte offset where the problem was found.</param>
    /// <param name="problem">What is wrong there, in words a user can act on.</param>
    public DataFormatException(string filePath, long offset, string problem)
        : this(filePath, offset, problem, null)
    {
    }

    /// <summary>Creates the exception with the lower-level error that revealed the problem.</summary>
    /// <param name="filePath">The file (or archive member) that is malformed.</param>
    /// <param name="offset">The byte offset where the problem was found.</param>
    /// <param name="problem">What is wrong there, in words a user can act on.</param>
    /// <param name="inner">The error raised by the decompressor or parser underneath, if any.</param>
    public DataFormatException(string filePath, long offset, string problem, Exception? inner)
        : base($"{filePath}: byte {offset}: {problem}", inner)
    {
        FilePath = filePath;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The file (or <c>archive:member</c>) that is malformed.</summary>
    public string FilePath { get; }

    /// <summary>The byte offset where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the file and offset.</summary>
    public string Problem { get; }
}
