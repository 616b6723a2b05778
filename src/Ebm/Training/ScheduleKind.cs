namespace Ebm.Training;

/// <summary>The shape of a learning-rate schedule.</summary>
public enum ScheduleKind
{
    /// <summary>η every update.</summary>
    Constant,

    /// <summary>η·factor^⌊epoch/every⌋.</summary>
    Step,

    /// <summary>η·factor^epoch.</summary>
    Exponential,

    /// <summary>From η to η·factor linearly over the run's updates.</summary>
    Linear,
}
