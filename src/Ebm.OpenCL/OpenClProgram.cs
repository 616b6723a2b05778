using System.Text;
using Silk.NET.OpenCL;

namespace Ebm.OpenCL;

/// <summary>
/// A program built for one context's device. It belongs to the context's cache: it is shared by every caller
/// that built the same source with the same options, and released with the context.
/// </summary>
public sealed class OpenClProgram
{
    private nint _handle;

    internal OpenClProgram(OpenClContext context, nint handle, string hash, string options)
    {
        Context = context;
        _handle = handle;
        Hash = hash;
        Options = options;
    }

    /// <summary>The context the program was built in.</summary>
    public OpenClContext Context { get; }

    /// <summary>SHA-256 of the build options and the source, in lowercase hex: the program's key in the cache.</summary>
    public string Hash { get; }

    /// <summary>The options the program was built with.</summary>
    public string Options { get; }

    /// <summary>The names of the kernels the program defines.</summary>
    /// <exception cref="OpenClException">The query failed.</exception>
    public unsafe IReadOnlyList<string> KernelNames
    {
        get
        {
            nint handle = LiveHandle();
            CL cl = OpenClPlatforms.Api;
            nuint size = 0;
            OpenClPlatforms.Check(cl.GetProgramInfo(handle, ProgramInfo.KernelNames, 0, null, &size), "clGetProgramInfo(CL_PROGRAM_KERNEL_NAMES)");
            var bytes = new byte[size];
            fixed (byte* p = bytes)
                OpenClPlatforms.Check(cl.GetProgramInfo(handle, ProgramInfo.KernelNames, size, p, null), "clGetProgramInfo(CL_PROGRAM_KERNEL_NAMES)");
            return Encoding.UTF8.GetString(bytes).TrimEnd('\0').Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    /// <summary>A new kernel object for the <c>__kernel</c> function <paramref name="name"/>; dispose it when done (the context also does).</summary>
    /// <param name="name">The kernel function's name.</param>
    /// <returns>The kernel, with no arguments set.</returns>
    /// <exception cref="ArgumentException">The program has no kernel of that name; the message lists the ones it has.</exception>
    /// <exception cref="OpenClException">Another OpenCL error.</exception>
    public unsafe OpenClKernel CreateKernel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        nint handle = LiveHandle();
        int status;
        nint kernel = OpenClPlatforms.Api.CreateKernel(handle, name, &status);
        const int InvalidKernelName = -46;
        if (status == InvalidKernelName)
            throw new ArgumentException($"The program has no kernel '{name}'. Kernels: {string.Join(", ", KernelNames)}.", nameof(name));
        OpenClPlatforms.Check(status, $"clCreateKernel({name})");
        return new OpenClKernel(this, kernel, name);
    }

    internal void Release()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
            OpenClPlatforms.Api.ReleaseProgram(handle);
    }

    private nint LiveHandle()
    {
        Context.ThrowIfDisposed();
        nint handle = _handle;
        ObjectDisposedException.ThrowIf(handle == 0, this);
        return handle;
    }
}
