using Silk.NET.OpenCL;

namespace Ebm.OpenCL;

/// <summary>
/// One kernel of a built program: set its arguments by index, then enqueue it over a 1-D range of work-items.
/// Arguments keep their values between launches. Not for two threads at once (the argument slots are shared).
/// </summary>
public sealed class OpenClKernel : IDisposable
{
    private nint _handle;

    internal OpenClKernel(OpenClProgram program, nint handle, string name)
    {
        Program = program;
        _handle = handle;
        Name = name;
        try
        {
            program.Context.Adopt(this);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The program the kernel belongs to.</summary>
    public OpenClProgram Program { get; }

    /// <summary>The kernel function's name.</summary>
    public string Name { get; }

    /// <summary>Sets a <c>__global</c> pointer argument to <paramref name="buffer"/>.</summary>
    /// <typeparam name="T">The buffer's element type.</typeparam>
    /// <param name="index">The argument's position, from 0.</param>
    /// <param name="buffer">A buffer of the same context.</param>
    public unsafe void SetBuffer<T>(int index, OpenClBuffer<T> buffer) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (!ReferenceEquals(buffer.Context, Program.Context))
            throw new ArgumentException($"The buffer for argument {index} of kernel '{Name}' belongs to another context.", nameof(buffer));
        nint memory = buffer.LiveHandle();
        Set(index, (nuint)sizeof(nint), &memory);
    }

    /// <summary>Sets an <c>int</c> argument.</summary>
    /// <param name="index">The argument's position, from 0.</param>
    /// <param name="value">The value.</param>
    public unsafe void SetInt(int index, int value) => Set(index, sizeof(int), &value);

    /// <summary>Sets a <c>uint</c> argument.</summary>
    /// <param name="index">The argument's position, from 0.</param>
    /// <param name="value">The value.</param>
    public unsafe void SetUInt(int index, uint value) => Set(index, sizeof(uint), &value);

    /// <summary>Sets a <c>float</c> argument.</summary>
    /// <param name="index">The argument's position, from 0.</param>
    /// <param name="value">The value.</param>
    public unsafe void SetFloat(int index, float value) => Set(index, sizeof(float), &value);

    /// <summary>Sets a <c>ulong</c> argument (64 bits in OpenCL C).</summary>
    /// <param name="index">The argument's position, from 0.</param>
    /// <param name="value">The value.</param>
    public unsafe void SetULong(int index, ulong value) => Set(index, sizeof(ulong), &value);

    /// <summary>Enqueues the kernel over work-items 0 … globalSize − 1 with a work-group size the driver chooses, and waits for it.</summary>
    /// <param name="globalSize">Number of work-items; 0 does nothing.</param>
    public void Launch(long globalSize)
    {
        Enqueue(globalSize);
        Program.Context.Finish();
    }

    /// <summary>Enqueues the kernel over work-items 0 … globalSize − 1 in work-groups of <paramref name="localSize"/>, and waits for it.</summary>
    /// <param name="globalSize">Number of work-items, a multiple of <paramref name="localSize"/>; 0 does nothing.</param>
    /// <param name="localSize">Work-items per work-group.</param>
    public void Launch(long globalSize, int localSize)
    {
        Enqueue(globalSize, localSize);
        Program.Context.Finish();
    }

    /// <summary>
    /// Enqueues the kernel over work-items 0 … globalSize − 1 without waiting: the in-order queue runs it before
    /// any later command, so a following buffer read sees its result.
    /// </summary>
    /// <param name="globalSize">Number of work-items; 0 does nothing.</param>
    public unsafe void Enqueue(long globalSize)
    {
        if (RequireGlobal(globalSize))
            EnqueueRange((nuint)globalSize, null);
    }

    /// <summary>As <see cref="Enqueue(long)"/>, in work-groups of <paramref name="localSize"/>.</summary>
    /// <param name="globalSize">Number of work-items, a multiple of <paramref name="localSize"/> (OpenCL 1.2 requires it); 0 does nothing.</param>
    /// <param name="localSize">Work-items per work-group, at most the device's and the kernel's limit.</param>
    public unsafe void Enqueue(long globalSize, int localSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(localSize, 1);
        if (globalSize % localSize != 0)
            throw new ArgumentException(
                $"The global size {globalSize} of kernel '{Name}' is not a multiple of the work-group size {localSize}, which OpenCL 1.2 requires.",
                nameof(globalSize));
        if (!RequireGlobal(globalSize))
            return;
        nuint local = (nuint)localSize;
        EnqueueRange((nuint)globalSize, &local);
    }

    /// <summary>Releases the kernel object; commands already enqueued still run.</summary>
    public void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle == 0)
            return;
        Program.Context.Forget(this);
        OpenClPlatforms.Api.ReleaseKernel(handle);
    }

    private bool RequireGlobal(long globalSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(globalSize);
        return globalSize > 0;
    }

    private unsafe void EnqueueRange(nuint global, nuint* local)
    {
        nint handle = LiveHandle();
        OpenClPlatforms.Check(
            OpenClPlatforms.Api.EnqueueNdrangeKernel(Program.Context.Queue, handle, 1, null, &global, local, 0, null, null),
            $"clEnqueueNDRangeKernel({Name}, global {global}{(local == null ? "" : $", local {*local}")})");
    }

    private unsafe void Set(int index, nuint size, void* value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        OpenClPlatforms.Check(OpenClPlatforms.Api.SetKernelArg(LiveHandle(), (uint)index, size, value), $"clSetKernelArg({Name}, argument {index})");
    }

    private nint LiveHandle()
    {
        Program.Context.ThrowIfDisposed();
        nint handle = _handle;
        ObjectDisposedException.ThrowIf(handle == 0, this);
        return handle;
    }
}
