namespace Ebm.Generators.Model;

/// <summary>What a parameter of Energy is, from its attributes.</summary>
internal enum Role
{
    /// <summary>[State]: a continuous state group.</summary>
    ContinuousState,

    /// <summary>[Binary]: a state group with units in {0, 1}.</summary>
    BinaryState,

    /// <summary>No attribute: a parameter that training updates.</summary>
    Trainable,

    /// <summary>[Const]: a parameter supplied by the caller and never trained.</summary>
    Const,
}
