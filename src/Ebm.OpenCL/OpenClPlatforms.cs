using System.Text;
using Silk.NET.OpenCL;

namespace Ebm.OpenCL;

/// <summary>
/// Discovers OpenCL platforms and devices and chooses one by name or type. A missing ICD loader,
/// no installed platform and an unknown device name all end in an <see cref="OpenClUnavailableException"/>
/// that says what was looked for and what exists.
/// </summary>
public static class OpenClPlatforms
{
    /// <summary>Environment variable that chooses the device when no selector is given.</summary>
    public const string DeviceVariable = "EBM_OPENCL_DEVICE";

    private const int PlatformNotFoundKhr = -1001;

    private static readonly Lazy<CL?> s_api = new(() =>
    {
        try
        {
            return CL.GetApi();
        }
        catch (Exception)
        {
            // Silk.NET reports a missing libOpenCL in several exception types; the caller explains it.
            return null;
        }
    });

    internal static CL Api => s_api.Value ?? throw new OpenClUnavailableException(
        $"No OpenCL runtime: the ICD loader library (libOpenCL.so.1) could not be loaded. {OpenClUnavailableException.InstallHint}");

    /// <summary>Every platform with its devices.</summary>
    /// <exception cref="OpenClUnavailableException">No loader or no platform is installed.</exception>
    public static IReadOnlyList<OpenClPlatform> List()
    {
        // Serialised: PoCL initialises its devices on the first query and, queried from two threads at once,
        // answered one of them CL_DEVICE_NOT_FOUND (seen in the device tests, which run classes in parallel).
        lock (s_listing)
            return ListUnlocked();
    }

    private static readonly object s_listing = new();

    private static unsafe IReadOnlyList<OpenClPlatform> ListUnlocked()
    {
        CL cl = Api;
        uint count = 0;
        int status = cl.GetPlatformIDs(0, null, &count);
        if (status == PlatformNotFoundKhr || (status == 0 && count == 0))
            throw new OpenClUnavailableException($"No OpenCL platform is installed (the loader found no ICD). {OpenClUnavailableException.InstallHint}");
        Check(status, "clGetPlatformIDs");

        var ids = new nint[count];
        fixed (nint* p = ids)
            Check(cl.GetPlatformIDs(count, p, null), "clGetPlatformIDs");

        var platforms = new List<OpenClPlatform>();
        foreach (nint id in ids)
        {
            string name = PlatformString(cl, id, PlatformInfo.Name);
            platforms.Add(new OpenClPlatform(name, PlatformString(cl, id, PlatformInfo.Vendor), PlatformString(cl, id, PlatformInfo.Version), Devices(cl, id, name)));
        }
        return platforms;
    }

    /// <summary>Every device of every platform, or none with the reason why.</summary>
    public static OpenClProbe Probe()
    {
        try
        {
            var devices = List().SelectMany(p => p.Devices).ToList();
            return new OpenClProbe(devices, devices.Count == 0 ? "The OpenCL platforms report no devices." : null);
        }
        catch (OpenClUnavailableException e)
        {
            return new OpenClProbe([], e.Message);
        }
    }

    /// <summary>The device chosen by <see cref="DeviceVariable"/>, else the first GPU, else the first device.</summary>
    public static OpenClDevice Select() => Select(Environment.GetEnvironmentVariable(DeviceVariable));

    /// <summary>
    /// The first device whose type equals <paramref name="selector"/> ("gpu", "cpu", "accelerator") or whose
    /// platform or device name contains it (case-insensitive); with an empty selector, the first GPU, else the first device.
    /// </summary>
    /// <exception cref="OpenClUnavailableException">No device matches; the message lists the devices there are.</exception>
    public static OpenClDevice Select(string? selector)
    {
        var devices = List().SelectMany(p => p.Devices).ToList();
        if (devices.Count == 0)
            throw new OpenClUnavailableException($"The OpenCL platforms report no devices. {OpenClUnavailableException.InstallHint}");
        if (string.IsNullOrWhiteSpace(selector))
            return devices.FirstOrDefault(d => d.Type == "gpu") ?? devices[0];

        string wanted = selector.Trim();
        return devices.FirstOrDefault(d => d.Type.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? devices.FirstOrDefault(d => d.DisplayName.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new OpenClUnavailableException(
                $"No OpenCL device matches '{wanted}'. Available: {string.Join("; ", devices.Select(d => d.DisplayName))}.");
    }

    private static unsafe List<OpenClDevice> Devices(CL cl, nint platform, string platformName)
    {
        uint count = 0;
        int status = cl.GetDeviceIDs(platform, DeviceType.All, 0, null, &count);
        const int DeviceNotFound = -1;
        if (status == DeviceNotFound || count == 0)
            return [];
        Check(status, "clGetDeviceIDs");
        var ids = new nint[count];
        fixed (nint* p = ids)
            Check(cl.GetDeviceIDs(platform, DeviceType.All, count, p, null), "clGetDeviceIDs");

        return ids.Select(id => new OpenClDevice(
            platformName,
            DeviceString(cl, id, DeviceInfo.Name),
            TypeName(DeviceValue<ulong>(cl, id, DeviceInfo.Type)),
            DeviceString(cl, id, DeviceInfo.Vendor),
            DeviceString(cl, id, DeviceInfo.Version),
#pragma warning disable CS0618 // Deprecated by OpenCL 3.0, but the only query a 1.2 device (our kernels' target) answers.
            DeviceString(cl, id, DeviceInfo.OpenclCVersion),
#pragma warning restore CS0618
            (int)DeviceValue<uint>(cl, id, DeviceInfo.MaxComputeUnits),
            (long)DeviceValue<ulong>(cl, id, DeviceInfo.GlobalMemSize),
            (long)DeviceValue<nuint>(cl, id, DeviceInfo.MaxWorkGroupSize)) { Handle = id }).ToList();
    }

    private static string TypeName(ulong type) =>
        (type & (ulong)DeviceType.Gpu) != 0 ? "gpu" :
        (type & (ulong)DeviceType.Cpu) != 0 ? "cpu" :
        (type & (ulong)DeviceType.Accelerator) != 0 ? "accelerator" : "other";

    private static unsafe string PlatformString(CL cl, nint platform, PlatformInfo info)
    {
        nuint size = 0;
        Check(cl.GetPlatformInfo(platform, info, 0, null, &size), "clGetPlatformInfo");
        var bytes = new byte[size];
        fixed (byte* p = bytes)
            Check(cl.GetPlatformInfo(platform, info, size, p, null), "clGetPlatformInfo");
        return Decode(bytes);
    }

    private static unsafe string DeviceString(CL cl, nint device, DeviceInfo info)
    {
        nuint size = 0;
        Check(cl.GetDeviceInfo(device, info, 0, null, &size), "clGetDeviceInfo");
        var bytes = new byte[size];
        fixed (byte* p = bytes)
            Check(cl.GetDeviceInfo(device, info, size, p, null), "clGetDeviceInfo");
        return Decode(bytes);
    }

    private static unsafe T DeviceValue<T>(CL cl, nint device, DeviceInfo info) where T : unmanaged
    {
        T value = default;
        Check(cl.GetDeviceInfo(device, info, (nuint)sizeof(T), &value, null), "clGetDeviceInfo");
        return value;
    }

    // OpenCL strings are NUL-terminated; some drivers pad them with trailing spaces.
    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();

    internal static void Check(int status, string call)
    {
        if (status != 0)
            throw new OpenClException(call, status);
    }
}

/// <summary>The devices that can be used, or the reason there are none.</summary>
/// <param name="Devices">Every device of every platform.</param>
/// <param name="Reason">Why <paramref name="Devices"/> is empty; null when it is not.</param>
public sealed record OpenClProbe(IReadOnlyList<OpenClDevice> Devices, string? Reason)
{
    /// <summary>Whether at least one device can be used.</summary>
    public bool IsAvailable => Devices.Count > 0;
}
