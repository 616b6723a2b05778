namespace Ebm.Data;

/// <summary>One isotropic Gaussian of a 2-D mixture: weight·N((MeanX, MeanY), Std²·I).</summary>
/// <param name="Weight">The unnormalised weight, positive; the mixture divides by the sum.</param>
/// <param name="MeanX">The mean's first coordinate.</param>
/// <param name="MeanY">The mean's second coordinate.</param>
/// <param name="Std">The standard deviation of each coordinate, at least 0.</param>
public sealed record MixtureComponent(double Weight, double MeanX, double MeanY, double Std);
