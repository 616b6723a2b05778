namespace Ebm.Training;

/// <summary>
/// A learning-rate schedule: the multiplier of <see cref="TrainingOptions.LearningRate"/> at an update. Made with
/// <see cref="Constant"/>, <see cref="StepDecay"/>, <see cref="ExponentialDecay"/> or <see cref="LinearDecay"/>.
/// </summary>
/// <param name="Kind">The shape.</param>
/// <param name="Factor">Step and exponential: the factor per step or epoch; linear: the final multiplier.</param>
/// <param name="Every">Step: epochs per step.</param>
public sealed record LearningRateSchedule(ScheduleKind Kind, double Factor, int Every)
{
    /// <summary>The constant schedule.</summary>
    public static LearningRateSchedule Constant { get; } = new(ScheduleKind.Constant, 1, 1);

    /// <summary>η·<paramref name="factor"/>^⌊epoch/<paramref name="every"/>⌋.</summary>
    /// <param name="every">Epochs per step, ≥ 1.</param>
    /// <param name="factor">The factor per step, &gt; 0.</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule StepDecay(int every, double factor) => new(ScheduleKind.Step, Positive(factor), Math.Max(1, every));

    /// <summary>η·<paramref name="factor"/>^epoch.</summary>
    /// <param name="factor">The factor per epoch, &gt; 0.</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule ExponentialDecay(double factor) => new(ScheduleKind.Exponential, Positive(factor), 1);

    /// <summary>η·(1 − t/T) + η·<paramref name="finalFraction"/>·t/T at update t of T.</summary>
    /// <param name="finalFraction">The multiplier at the end of the run, ≥ 0.</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule LinearDecay(double finalFraction) =>
        new(ScheduleKind.Linear, finalFraction >= 0 ? finalFraction : throw new ArgumentOutOfRangeException(nameof(finalFraction)), 1);

    /// <summary>The multiplier of the base learning rate at an update.</summary>
    /// <param name="epoch">The epoch, from 0.</param>
    /// <param name="update">The update index over the whole run, from 0.</param>
    /// <param name="totalUpdates">The run's number of updates.</param>
    /// <returns>The multiplier.</returns>
    public double Multiplier(int epoch, long update, long totalUpdates) => Kind switch
    {
        ScheduleKind.Constant => 1,
        ScheduleKind.Step => Math.Pow(Factor, epoch / Every),
        ScheduleKind.Exponential => Math.Pow(Factor, epoch),
        ScheduleKind.Linear => totalUpdates <= 1 ? 1 : 1 + (Factor - 1) * update / (double)(totalUpdates - 1),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    private static double Positive(double factor) => factor > 0 ? factor : throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be positive.");
}
