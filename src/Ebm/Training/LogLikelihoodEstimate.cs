namespace Ebm.Training;

/// <summary>Which log-likelihood the history reports after each epoch.</summary>
public enum LogLikelihoodEstimate
{
    /// <summary>None.</summary>
    None,

    /// <summary>Exact: log Z by enumeration (<see cref="Partition.ExactLogZ"/>), the hidden group summed out by its free energy.</summary>
    Exact,

    /// <summary>log Z by annealed importance sampling from the data's base-rate model (<see cref="Partition.AnnealedImportanceSampling"/>).</summary>
    Ais,
}
