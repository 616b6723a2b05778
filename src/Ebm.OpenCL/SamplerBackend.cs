namespace Ebm.OpenCL;

/// <summary>Where <see cref="Samplers"/> runs the chains: the CPU, or an OpenCL device.</summary>
public sealed record SamplerBackend
{
    private SamplerBackend(bool isOpenCl, string? device)
    {
        IsOpenCl = isOpenCl;
        Device = device;
    }

    /// <summary>The generated C# code on the CPU.</summary>
    public static SamplerBackend Cpu { get; } = new(false, null);

    /// <summary>The default OpenCL device: the one <c>EBM_OPENCL_DEVICE</c> selects, else the first GPU, else the first device.</summary>
    public static SamplerBackend OpenCl { get; } = new(true, null);

    /// <summary>The OpenCL device <paramref name="device"/> selects (a type, or part of its name; see <see cref="OpenClPlatforms.Select(string)"/>).</summary>
    /// <param name="device">The selector; null or empty for the default device.</param>
    /// <returns>The backend.</returns>
    public static SamplerBackend OpenClDevice(string? device) => new(true, string.IsNullOrEmpty(device) ? null : device);

    /// <summary>Whether the chains run on an OpenCL device.</summary>
    public bool IsOpenCl { get; }

    /// <summary>The device selector, or null for the default device (and for the CPU).</summary>
    public string? Device { get; }

    /// <summary>The backend named <c>cpu</c> or <c>opencl</c> (any case), on device <paramref name="device"/> for OpenCL.</summary>
    /// <param name="name">cpu or opencl.</param>
    /// <param name="device">The OpenCL device selector, or null.</param>
    /// <returns>The backend.</returns>
    /// <exception cref="ArgumentException">The name is neither.</exception>
    public static SamplerBackend Parse(string name, string? device) => name?.ToLowerInvariant() switch
    {
        "cpu" => Cpu,
        "opencl" => OpenClDevice(device),
        _ => throw new ArgumentException($"Unknown backend '{name}': use cpu or opencl.", nameof(name)),
    };

    /// <summary>cpu, opencl, or opencl:device.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => !IsOpenCl ? "cpu" : Device is null ? "opencl" : "opencl:" + Device;
}
