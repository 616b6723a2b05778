using Silk.NET.OpenCL;

namespace Ebm.OpenCL;

/// <summary>
/// A buffer of <see cref="Length"/> elements in device memory. It stays there between launches (chain states
/// resident across steps) until disposed or its context is. Reads and writes block until done and follow every
/// command enqueued before them.
/// </summary>
/// <typeparam name="T">An unmanaged element type whose layout matches the kernel's (float, int, uint, double, …).</typeparam>
public sealed class OpenClBuffer<T> : IDisposable where T : unmanaged
{
    private nint _handle;

    internal unsafe OpenClBuffer(OpenClContext context, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Context = context;
        Length = length;
        context.ThrowIfDisposed();
        int status;
        _handle = OpenClPlatforms.Api.CreateBuffer(context.Handle, MemFlags.ReadWrite, (nuint)SizeInBytes, null, &status);
        OpenClPlatforms.Check(status, $"clCreateBuffer({SizeInBytes} bytes)");
        try
        {
            context.Adopt(this);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The context the buffer lives in.</summary>
    public OpenClContext Context { get; }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Size in bytes.</summary>
    public unsafe long SizeInBytes => (long)Length * sizeof(T);

    /// <summary>Copies <paramref name="source"/> to elements 0 … source.Length − 1.</summary>
    /// <param name="source">At most <see cref="Length"/> elements.</param>
    public void Write(ReadOnlySpan<T> source) => Write(source, 0);

    /// <summary>Copies <paramref name="source"/> to elements offset … offset + source.Length − 1.</summary>
    /// <param name="source">The elements to write.</param>
    /// <param name="offset">The first element written.</param>
    public unsafe void Write(ReadOnlySpan<T> source, int offset)
    {
        RequireRange(offset, source.Length, nameof(source));
        if (source.IsEmpty)
            return;
        fixed (T* p = source)
            OpenClPlatforms.Check(
                OpenClPlatforms.Api.EnqueueWriteBuffer(Context.Queue, LiveHandle(), true, (nuint)((long)offset * sizeof(T)), (nuint)((long)source.Length * sizeof(T)), p, 0, null, null),
                "clEnqueueWriteBuffer");
    }

    /// <summary>Copies elements 0 … destination.Length − 1 into <paramref name="destination"/>.</summary>
    /// <param name="destination">At most <see cref="Length"/> elements.</param>
    public void Read(Span<T> destination) => Read(destination, 0);

    /// <summary>Copies elements offset … offset + destination.Length − 1 into <paramref name="destination"/>.</summary>
    /// <param name="destination">Receives the elements.</param>
    /// <param name="offset">The first element read.</param>
    public unsafe void Read(Span<T> destination, int offset)
    {
        RequireRange(offset, destination.Length, nameof(destination));
        if (destination.IsEmpty)
            return;
        fixed (T* p = destination)
            OpenClPlatforms.Check(
                OpenClPlatforms.Api.EnqueueReadBuffer(Context.Queue, LiveHandle(), true, (nuint)((long)offset * sizeof(T)), (nuint)((long)destination.Length * sizeof(T)), p, 0, null, null),
                "clEnqueueReadBuffer");
    }

    /// <summary>The whole buffer, read into a new array.</summary>
    /// <returns>Its <see cref="Length"/> elements.</returns>
    public T[] ToArray()
    {
        var values = new T[Length];
        Read(values);
        return values;
    }

    /// <summary>Frees the device memory; commands already enqueued on it still run.</summary>
    public void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle == 0)
            return;
        Context.Forget(this);
        OpenClPlatforms.Api.ReleaseMemObject(handle);
    }

    internal nint LiveHandle()
    {
        Context.ThrowIfDisposed();
        nint handle = _handle;
        ObjectDisposedException.ThrowIf(handle == 0, this);
        return handle;
    }

    private void RequireRange(int offset, int count, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if ((long)offset + count > Length)
            throw new ArgumentException($"Elements {offset} … {(long)offset + count - 1} are outside the buffer of {Length}.", name);
    }
}
