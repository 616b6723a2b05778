namespace Ebm.Dsl;

/// <summary>Marks a <see cref="Vec"/> parameter of <c>Energy</c> as a binary state group (units in {0, 1}).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BinaryAttribute : Attribute;
