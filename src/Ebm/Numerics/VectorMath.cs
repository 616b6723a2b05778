using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

/// <summary>
/// Exp and log for float and double vectors behind one generic signature. The BCL has them only as
/// per-type overloads; the typeof tests below are folded away by the JIT for each instantiation.
/// Float exp goes through double: the BCL's float vector exp is off by up to 2 ulp and gives
/// exp(0) = 1.0000001, which breaks exact ties in softmax (k tied maxima must get exactly 1/k).
/// </summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp<T>(Vector128<T> x) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            return Vector128.Exp(x.AsDouble()).As<double, T>();
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x.AsSingle());
        return Vector128.Narrow(Vector128.Exp(lower), Vector128.Exp(upper)).As<float, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp<T>(Vector256<T> x) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            return Vector256.Exp(x.AsDouble()).As<double, T>();
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x.AsSingle());
        return Vector256.Narrow(Vector256.Exp(lower), Vector256.Exp(upper)).As<float, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp<T>(Vector512<T> x) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            return Vector512.Exp(x.AsDouble()).As<double, T>();
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x.AsSingle());
        return Vector512.Narrow(Vector512.Exp(lower), Vector512.Exp(upper)).As<float, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log<T>(Vector128<T> x) where T : unmanaged =>
        typeof(T) == typeof(float) ? Vector128.Log(x.AsSingle()).As<float, T>() : Vector128.Log(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log<T>(Vector256<T> x) where T : unmanaged =>
        typeof(T) == typeof(float) ? Vector256.Log(x.AsSingle()).As<float, T>() : Vector256.Log(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log<T>(Vector512<T> x) where T : unmanaged =>
        typeof(T) == typeof(float) ? Vector512.Log(x.AsSingle()).As<float, T>() : Vector512.Log(x.AsDouble()).As<double, T>();

    // log1p(t) for t ≥ 0 by Goldberg's trick: log(u)·t/(u−1) with u = 1+t cancels the rounding of u,
    // so the result keeps full relative accuracy where log(1+t) would round to 0 (softplus(−20)).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log1p<T>(T t) where T : IFloatingPointIeee754<T>
    {
        T u = T.One + t;
        T d = u - T.One;
        return d == T.Zero ? t : T.Log(u) * (t / d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log1p<T>(Vector128<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector128<T> u = Vector128<T>.One + t;
        Vector128<T> d = u - Vector128<T>.One;
        return Vector128.ConditionalSelect(Vector128.Equals(d, Vector128<T>.Zero), t, Log(u) * (t / d));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log1p<T>(Vector256<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector256<T> u = Vector256<T>.One + t;
        Vector256<T> d = u - Vector256<T>.One;
        return Vector256.ConditionalSelect(Vector256.Equals(d, Vector256<T>.Zero), t, Log(u) * (t / d));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log1p<T>(Vector512<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector512<T> u = Vector512<T>.One + t;
        Vector512<T> d = u - Vector512<T>.One;
        return Vector512.ConditionalSelect(Vector512.Equals(d, Vector512<T>.Zero), t, Log(u) * (t / d));
    }
}
