namespace Ebm.Dsl;

/// <summary>
/// Marks a <c>static partial class</c> holding one <c>static Scalar Energy(...)</c> method as an energy
/// model. The Ebm source generator reads the declaration and emits the rest of the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EnergyModelAttribute : Attribute;
