namespace Ebm.Dsl;

/// <summary>What values the units of a state group take.</summary>
public enum StateKind
{
    /// <summary>Real-valued units, declared with <see cref="StateAttribute"/>.</summary>
    Continuous,

    /// <summary>Units in {0, 1}, declared with <see cref="BinaryAttribute"/>.</summary>
    Binary,
}
