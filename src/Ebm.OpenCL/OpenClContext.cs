using System.Security.Cryptography;
using System.Text;
using Silk.NET.OpenCL;

namespace Ebm.OpenCL;

/// <summary>
/// An OpenCL context and one in-order command queue on one device: the owner of the programs built for it
/// (cached by source and options), and of the kernels and buffers made from them. Disposing it releases all of
/// these; disposing twice is harmless.
/// </summary>
/// <remarks>
/// The queue is in order, so a buffer read sees every kernel enqueued before it without an explicit wait.
/// Building, allocating and launching may be called from several threads; one kernel's arguments and launch
/// must not be used by two threads at once (they share the kernel object's argument slots).
/// </remarks>
public sealed class OpenClContext : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OpenClProgram> _programs = new(StringComparer.Ordinal);
    private readonly HashSet<IDisposable> _children = new(ReferenceEqualityComparer.Instance);
    private nint _context;
    private nint _queue;
    private int _programsBuilt;
    private bool _disposed;

    /// <summary>Creates a context and an in-order queue on <paramref name="device"/>.</summary>
    /// <param name="device">A device from <see cref="OpenClPlatforms.List"/> or <see cref="OpenClPlatforms.Select()"/>.</param>
    /// <exception cref="ArgumentException">The device record was not obtained from <see cref="OpenClPlatforms"/> in this process.</exception>
    /// <exception cref="OpenClException">The driver refused the context or the queue.</exception>
    public unsafe OpenClContext(OpenClDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Handle == 0)
            throw new ArgumentException(
                $"The device record '{device.DisplayName}' carries no driver handle; obtain it from OpenClPlatforms.List() or Select() in this process.",
                nameof(device));
        Device = device;
        CL cl = OpenClPlatforms.Api;
        nint id = device.Handle;

        nint platform = 0;
        OpenClPlatforms.Check(cl.GetDeviceInfo(id, DeviceInfo.Platform, (nuint)sizeof(nint), &platform, null), "clGetDeviceInfo(CL_DEVICE_PLATFORM)");
        // Naming the platform explicitly: the ICD loader needs it to dispatch when several drivers are installed.
        nint* properties = stackalloc nint[] { (nint)ContextProperties.Platform, platform, 0 };
        int status;
        _context = cl.CreateContext(properties, 1, &id, null, null, &status);
        OpenClPlatforms.Check(status, "clCreateContext");
#pragma warning disable CS0618 // clCreateCommandQueueWithProperties is OpenCL 2.0; 1.2 devices, our target, only have this one.
        _queue = cl.CreateCommandQueue(_context, id, CommandQueueProperties.None, &status);
#pragma warning restore CS0618
        if (status != 0)
        {
            cl.ReleaseContext(_context);
            _context = 0;
            OpenClPlatforms.Check(status, "clCreateCommandQueue");
        }

        ulong doubleConfig = 0;
        SupportsDouble = cl.GetDeviceInfo(id, DeviceInfo.DoubleFPConfig, sizeof(ulong), &doubleConfig, null) == 0 && doubleConfig != 0;
    }

    /// <summary>The device this context runs on.</summary>
    public OpenClDevice Device { get; }

    /// <summary>Whether the device supports double precision (<c>cl_khr_fp64</c>), which the double-precision draws need.</summary>
    public bool SupportsDouble { get; }

    /// <summary>How many programs this context has compiled: builds that the cache did not answer.</summary>
    public int ProgramsBuilt
    {
        get { lock (_gate) return _programsBuilt; }
    }

    internal nint Queue => _queue;

    internal nint Handle => _context;

    /// <summary>The program for <paramref name="source"/> built without options; see <see cref="Build(string, string)"/>.</summary>
    /// <param name="source">OpenCL C 1.2 source.</param>
    /// <returns>The built program, shared by every caller that builds the same source.</returns>
    public OpenClProgram Build(string source) => Build(source, "");

    /// <summary>
    /// The program for <paramref name="source"/> built with <paramref name="options"/>: from this context's cache if
    /// the same source and options were built before (keyed by their SHA-256), otherwise compiled now and cached.
    /// The program lives as long as the context.
    /// </summary>
    /// <param name="source">OpenCL C 1.2 source.</param>
    /// <param name="options">Compiler options, e.g. <c>-cl-std=CL1.2</c>; empty for none.</param>
    /// <returns>The built program.</returns>
    /// <exception cref="OpenClBuildException">The compiler rejected the source or the options; the message holds its log.</exception>
    /// <exception cref="OpenClException">Another OpenCL call failed.</exception>
    public unsafe OpenClProgram Build(string source, string options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        string hash = Hash(source, options);
        // One lock for the whole build: builds are rare and slow, and two threads asking for the same program
        // must not both compile it.
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_programs.TryGetValue(hash, out OpenClProgram? cached))
                return cached;

            CL cl = OpenClPlatforms.Api;
            byte[] text = Encoding.UTF8.GetBytes(source);
            int status;
            nint program;
            fixed (byte* p = text)
            {
                byte* strings = p;
                nuint length = (nuint)text.Length;
                program = cl.CreateProgramWithSource(_context, 1, &strings, &length, &status);
            }
            OpenClPlatforms.Check(status, "clCreateProgramWithSource");

            nint device = Device.Handle;
            status = cl.BuildProgram(program, 1, &device, options, null, null);
            if (status != 0)
            {
                string log = BuildLog(cl, program, device);
                cl.ReleaseProgram(program);
                const int BuildProgramFailure = -11, InvalidBuildOptions = -43;
                if (status is BuildProgramFailure or InvalidBuildOptions)
                    throw new OpenClBuildException(Device, options, status, log, source);
                throw new OpenClException("clBuildProgram", status);
            }

            var built = new OpenClProgram(this, program, hash, options);
            _programs.Add(hash, built);
            _programsBuilt++;
            return built;
        }
    }

    /// <summary>A device buffer of <paramref name="length"/> elements, uninitialised.</summary>
    /// <typeparam name="T">An unmanaged element type whose layout matches the kernel's (float, int, uint, double, …).</typeparam>
    /// <param name="length">Number of elements, at least 1.</param>
    /// <returns>The buffer; it stays on the device until disposed (or the context is).</returns>
    public OpenClBuffer<T> Allocate<T>(int length) where T : unmanaged => new(this, length);

    /// <summary>A device buffer holding a copy of <paramref name="values"/>.</summary>
    /// <typeparam name="T">An unmanaged element type whose layout matches the kernel's.</typeparam>
    /// <param name="values">The initial contents; at least one element.</param>
    /// <returns>The buffer.</returns>
    public OpenClBuffer<T> Upload<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var buffer = new OpenClBuffer<T>(this, values.Length);
        try
        {
            buffer.Write(values);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        return buffer;
    }

    /// <summary>Waits until every command enqueued so far has completed.</summary>
    /// <exception cref="OpenClException">A command failed.</exception>
    public void Finish()
    {
        ThrowIfDisposed();
        OpenClPlatforms.Check(OpenClPlatforms.Api.Finish(_queue), "clFinish");
    }

    /// <summary>Waits for the queue, then releases every kernel, buffer and program made here, the queue and the context.</summary>
    public void Dispose()
    {
        IDisposable[] children;
        OpenClProgram[] programs;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            children = [.. _children];
            _children.Clear();
            programs = [.. _programs.Values];
            _programs.Clear();
        }
        foreach (IDisposable child in children)
            child.Dispose();
        foreach (OpenClProgram program in programs)
            program.Release();
        // Release statuses are ignored: the handles are ours and valid, and a caller of Dispose could do nothing with an error.
        CL cl = OpenClPlatforms.Api;
        cl.Finish(_queue);
        cl.ReleaseCommandQueue(_queue);
        cl.ReleaseContext(_context);
        _queue = 0;
        _context = 0;
    }

    internal void Adopt(IDisposable child)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            _children.Add(child);
        }
    }

    internal void Forget(IDisposable child)
    {
        lock (_gate)
            _children.Remove(child);
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    // Options first, then a NUL (which neither a C string of options nor OpenCL C contains), so no two
    // (source, options) pairs share the hashed bytes.
    private static string Hash(string source, string options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(options));
        hash.AppendData([0]);
        hash.AppendData(Encoding.UTF8.GetBytes(source));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static unsafe string BuildLog(CL cl, nint program, nint device)
    {
        nuint size = 0;
        if (cl.GetProgramBuildInfo(program, device, ProgramBuildInfo.BuildLog, 0, null, &size) != 0 || size == 0)
            return "";
        var bytes = new byte[size];
        fixed (byte* p = bytes)
            if (cl.GetProgramBuildInfo(program, device, ProgramBuildInfo.BuildLog, size, p, null) != 0)
                return "";
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();
    }
}
