namespace Ebm.IO;

/// <summary>
/// A well-formed model file that was written for another model (or another declaration of it) than the one it is
/// being loaded into. Loading it anyway would give parameters that mean something else.
/// </summary>
public sealed class ModelFileMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The model file.</param>
    /// <param name="expected">What the caller needs: a model name, or a declaration hash.</param>
    /// <param name="found">What the file holds (empty when the file does not say).</param>
    /// <param name="message">The full message, naming the file and both sides.</param>
    public ModelFileMismatchException(string filePath, string expected, string found, string message)
        : base(message)
    {
        FilePath = filePath;
        Expected = expected;
        Found = found;
    }

    /// <summary>The model file.</summary>
    public string FilePath { get; }

    /// <summary>What the caller needs: a model name, or a declaration hash.</summary>
    public string Expected { get; }

    /// <summary>What the file holds (empty when the file does not say).</summary>
    public string Found { get; }
}
