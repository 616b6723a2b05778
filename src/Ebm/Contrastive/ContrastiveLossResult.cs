namespace Ebm.Contrastive;

/// <summary>The contrastive loss of one batch and its parameter gradient (<see cref="ContrastiveLoss.Evaluate"/>).</summary>
/// <param name="Loss">E_data[E] − E_neg[E], means over the rows.</param>
/// <param name="Regularization">α_reg·(mean E(x⁺)² + mean E(x⁻)²).</param>
/// <param name="DataEnergy">The mean energy of the data rows.</param>
/// <param name="NegativeEnergy">The mean energy of the negative rows.</param>
/// <param name="Gradient">∂(Loss + Regularization)/∂θ with the negatives held fixed, laid out as <see cref="ModelLayout.Parameters"/>.</param>
public sealed record ContrastiveLossResult(double Loss, double Regularization, double DataEnergy, double NegativeEnergy, float[] Gradient);
