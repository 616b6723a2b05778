namespace Ebm;

/// <summary>What values the units of a state group take.</summary>
public enum StateKind
{
    /// <summary>Real-valued units, declared with <c>[State]</c>; they have a state gradient.</summary>
    Continuous,

    /// <summary>Units in {0, 1}, declared with <c>[Binary]</c>.</summary>
    Binary,
}
