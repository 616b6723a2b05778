using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ebm.LinearAlgebra;

/// <summary>
/// A 64-byte aligned float buffer for packed panels, rented from a small lock-free pool so that steady-state
/// calls allocate nothing. Rent and return around each use rather than keeping one per thread: a rented buffer
/// belongs to exactly one user even if the thread pool runs GEMMs from many callers at once.
/// </summary>
internal sealed unsafe class GemmScratch
{
    private const int Alignment = 64;
    private const int MinimumFloats = 1 << 16;

    private static readonly GemmScratch?[] s_pool = new GemmScratch?[2 * Environment.ProcessorCount + 4];

    // Pinned on the POH so the aligned pointer stays valid; unreferenced buffers go back to the GC.
    private readonly float[] _storage;

    private GemmScratch(int floats)
    {
        _storage = GC.AllocateUninitializedArray<float>(floats + Alignment / sizeof(float), pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_storage));
        nint aligned = (address + Alignment - 1) & ~(nint)(Alignment - 1);
        Pointer = (float*)aligned;
        Capacity = floats;
    }

    /// <summary>The first float, aligned to 64 bytes.</summary>
    public float* Pointer { get; }

    /// <summary>Floats usable from <see cref="Pointer"/>.</summary>
    public int Capacity { get; }

    /// <summary>A buffer of at least <paramref name="floats"/> floats, pooled when one is free.</summary>
    public static GemmScratch Rent(int floats)
    {
        GemmScratch?[] pool = s_pool;
        for (int i = 0; i < pool.Length; i++)
        {
            if (Volatile.Read(ref pool[i]) is null)
                continue;
            GemmScratch? taken = Interlocked.Exchange(ref pool[i], null);
            if (taken is null)
                continue;
            if (taken.Capacity >= floats)
                return taken;
            // Too small for this caller: dropping it lets the pool grow to the shapes actually in use.
        }
        // Powers of two so that a mix of nearby shapes converges on a few sizes instead of reallocating.
        int size = (int)Math.Min(Array.MaxLength - Alignment, BitOperations.RoundUpToPowerOf2((uint)Math.Max(floats, MinimumFloats)));
        return new GemmScratch(Math.Max(size, floats));
    }

    /// <summary>Puts <paramref name="scratch"/> back for the next caller; dropped if the pool is full.</summary>
    public static void Return(GemmScratch scratch)
    {
        GemmScratch?[] pool = s_pool;
        for (int i = 0; i < pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref pool[i], scratch, null) is null)
                return;
        }
    }
}
