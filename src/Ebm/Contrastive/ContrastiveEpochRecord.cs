namespace Ebm.Contrastive;

/// <summary>What the contrastive trainer measured over one epoch's updates (means over the updates unless stated).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="LearningRate">The learning rate of the epoch's last update.</param>
/// <param name="Loss">The contrastive loss E_data[E] − E_neg[E].</param>
/// <param name="Regularization">The energy-magnitude term α_reg·(mean E(x⁺)² + mean E(x⁻)²).</param>
/// <param name="DataEnergy">The mean energy of the data rows.</param>
/// <param name="NegativeEnergy">The mean energy of the negative samples.</param>
/// <param name="GradientNorm">The Euclidean norm of the loss gradient before clipping.</param>
/// <param name="FreshChains">Chains started from fresh noise in the epoch (a sum).</param>
/// <param name="Chains">Chains run in the epoch (a sum).</param>
/// <param name="Seconds">Wall-clock seconds of the epoch.</param>
/// <param name="UpdatesPerSecond">Optimiser steps per second.</param>
/// <param name="SamplesPerSecond">Data rows per second.</param>
public sealed record ContrastiveEpochRecord(
    int Epoch,
    double LearningRate,
    double Loss,
    double Regularization,
    double DataEnergy,
    double NegativeEnergy,
    double GradientNorm,
    long FreshChains,
    long Chains,
    double Seconds,
    double UpdatesPerSecond,
    double SamplesPerSecond);
