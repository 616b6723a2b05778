using System.Runtime.Intrinsics;

namespace Ebm.Numerics;

/// <summary>
/// One elementwise function at every width. Implemented by structs so that the drivers are
/// specialised per operator and the calls inline; instance members let an operator carry
/// constants such as a shift and a temperature.
/// </summary>
internal interface IUnaryOperator<T> where T : unmanaged
{
    T Invoke(T x);
    Vector128<T> Invoke(Vector128<T> x);
    Vector256<T> Invoke(Vector256<T> x);
    Vector512<T> Invoke(Vector512<T> x);
}
