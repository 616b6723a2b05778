using System.Numerics;
using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

/// <summary>exp((x − shift)/temperature): the shifted exponential of every softmax and logsumexp.</summary>
internal readonly struct ShiftedExp<T>(T shift, T temperature) : IUnaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // Divide rather than multiply by 1/temperature: for a subnormal temperature 1/t overflows and
    // 0·∞ would turn the maximum's exp(0) = 1 into NaN.
    public T Invoke(T x) => T.Exp((x - shift) / temperature);
    public Vector128<T> Invoke(Vector128<T> x) => VectorMath.Exp((x - Vector128.Create(shift)) / Vector128.Create(temperature));
    public Vector256<T> Invoke(Vector256<T> x) => VectorMath.Exp((x - Vector256.Create(shift)) / Vector256.Create(temperature));
    public Vector512<T> Invoke(Vector512<T> x) => VectorMath.Exp((x - Vector512.Create(shift)) / Vector512.Create(temperature));
}

/// <summary>(x − shift)/temperature − offset: log-softmax once the log-normaliser is known.</summary>
internal readonly struct ShiftedLinear<T>(T shift, T temperature, T offset) : IUnaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => (x - shift) / temperature - offset;
    public Vector128<T> Invoke(Vector128<T> x) => (x - Vector128.Create(shift)) / Vector128.Create(temperature) - Vector128.Create(offset);
    public Vector256<T> Invoke(Vector256<T> x) => (x - Vector256.Create(shift)) / Vector256.Create(temperature) - Vector256.Create(offset);
    public Vector512<T> Invoke(Vector512<T> x) => (x - Vector512.Create(shift)) / Vector512.Create(temperature) - Vector512.Create(offset);
}

/// <summary>x/divisor. A true division, not a multiplication by 1/divisor: the result is correctly rounded, so k tied maxima get exactly 1/k.</summary>
internal readonly struct DivideBy<T>(T divisor) : IUnaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => x / divisor;
    public Vector128<T> Invoke(Vector128<T> x) => x / Vector128.Create(divisor);
    public Vector256<T> Invoke(Vector256<T> x) => x / Vector256.Create(divisor);
    public Vector512<T> Invoke(Vector512<T> x) => x / Vector512.Create(divisor);
}

/// <summary>−x.</summary>
internal readonly struct Negation<T> : IUnaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => -x;
    public Vector128<T> Invoke(Vector128<T> x) => -x;
    public Vector256<T> Invoke(Vector256<T> x) => -x;
    public Vector512<T> Invoke(Vector512<T> x) => -x;
}
