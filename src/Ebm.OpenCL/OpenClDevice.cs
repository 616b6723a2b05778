namespace Ebm.OpenCL;

/// <summary>One OpenCL device as the driver describes it.</summary>
/// <param name="Platform">Name of the platform the device belongs to.</param>
/// <param name="Name">Device name, e.g. "pthread-skylake-avx512-AMD EPYC" (PoCL) or "NVIDIA H200".</param>
/// <param name="Type">"cpu", "gpu", "accelerator" or "other".</param>
/// <param name="Vendor">Device vendor.</param>
/// <param name="Version">The device's OpenCL version string.</param>
/// <param name="OpenClCVersion">The OpenCL C version its compiler accepts; generated kernels need 1.2.</param>
/// <param name="ComputeUnits">Parallel compute units.</param>
/// <param name="GlobalMemoryBytes">Global memory size in bytes.</param>
/// <param name="MaxWorkGroupSize">Largest work-group size.</param>
public sealed record OpenClDevice(
    string Platform,
    string Name,
    string Type,
    string Vendor,
    string Version,
    string OpenClCVersion,
    int ComputeUnits,
    long GlobalMemoryBytes,
    long MaxWorkGroupSize)
{
    /// <summary>Platform and device name, the form device selection and error messages use.</summary>
    public string DisplayName => $"{Platform} / {Name} ({Type})";

    // The native handle stays out of the record's equality and printing: it is a pointer of this process.
    internal nint Handle { get; init; }
}

/// <summary>One OpenCL platform (driver) and its devices.</summary>
/// <param name="Name">Platform name, e.g. "Portable Computing Language".</param>
/// <param name="Vendor">Platform vendor.</param>
/// <param name="Version">The platform's OpenCL version string.</param>
/// <param name="Devices">Its devices.</param>
public sealed record OpenClPlatform(string Name, string Vendor, string Version, IReadOnlyList<OpenClDevice> Devices);
