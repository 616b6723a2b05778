namespace Ebm.Dsl;

/// <summary>
/// The operations of the energy DSL. Write <c>using static Ebm.Dsl.Ops;</c> and call them by name inside
/// <c>Energy</c>; the generator accepts exactly these (and the operators of <see cref="Scalar"/>,
/// <see cref="Vec"/> and <see cref="Mat"/>). At run time each evaluates in double precision.
/// </summary>
public static partial class Ops;
