namespace Ebm.OpenCL;

/// <summary>No OpenCL platform or device could be used; the message says what is missing and how to install it.</summary>
public sealed class OpenClUnavailableException : Exception
{
    /// <summary>The hint every message ends with.</summary>
    public const string InstallHint = "Install an OpenCL driver (ICD), e.g. `apt-get install pocl-opencl-icd` on Debian for a CPU device.";

    /// <summary>Creates the exception with a message that already names the cause.</summary>
    public OpenClUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
