namespace Ebm.Training;

/// <summary>
/// The update rule's constants, apart from the options of any one trainer, so that the Boltzmann trainer and the
/// score trainer (<c>Ebm.ScoreMatching.ScoreTrainer</c>) share one <see cref="OptimizerState"/>.
/// </summary>
internal sealed record OptimizerSettings(OptimizerKind Optimizer, float Momentum, float WeightDecay, float AdamBeta1, float AdamBeta2, float AdamEpsilon)
{
    public static OptimizerSettings From(TrainingOptions o) => new(o.Optimizer, o.Momentum, o.WeightDecay, o.AdamBeta1, o.AdamBeta2, o.AdamEpsilon);

    /// <summary>The checks every trainer makes of these constants.</summary>
    public OptimizerSettings Checked()
    {
        if (!(Momentum >= 0 && Momentum < 1))
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "The momentum must be in [0, 1).");
        if (!(WeightDecay >= 0 && float.IsFinite(WeightDecay)))
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "The weight decay must be finite and not negative.");
        if (!(AdamBeta1 >= 0 && AdamBeta1 < 1) || !(AdamBeta2 >= 0 && AdamBeta2 < 1) || !(AdamEpsilon > 0))
            throw new ArgumentOutOfRangeException(nameof(AdamBeta1), "Adam needs β₁, β₂ in [0, 1) and ε > 0.");
        return this;
    }
}
