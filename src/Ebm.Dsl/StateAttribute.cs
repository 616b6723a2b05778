namespace Ebm.Dsl;

/// <summary>Marks a <see cref="Vec"/> parameter of <c>Energy</c> as a continuous state group (real-valued units).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class StateAttribute : Attribute;
