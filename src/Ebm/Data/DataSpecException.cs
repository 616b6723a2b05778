namespace Ebm.Data;

/// <summary>A data spec that is not one of the accepted forms; the message lists them.</summary>
public sealed class DataSpecException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="spec">The spec as given.</param>
    /// <param name="message">What is wrong, followed by the accepted forms.</param>
    public DataSpecException(string spec, string message)
        : base(message)
    {
        Spec = spec;
    }

    /// <summary>The spec as given.</summary>
    public string Spec { get; }
}
