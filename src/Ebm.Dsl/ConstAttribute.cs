namespace Ebm.Dsl;

/// <summary>
/// Marks a parameter of <c>Energy</c> as fixed: it is supplied by the caller but never trained.
/// Parameters without a role attribute are trainable.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ConstAttribute : Attribute;
