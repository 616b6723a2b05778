namespace Ebm.Training;

/// <summary>
/// The seeds of the trainer's independent purposes, each a SplitMix64 mix of the run's seed and the purpose, so that
/// shuffling, chain initialisation, Gibbs sweeps and monitoring never share a Philox key (specs/training.md).
/// </summary>
internal static class TrainingSeeds
{
    public const ulong Shuffle = 1, ChainStart = 2, Gibbs = 3, Tempering = 4, Monitor = 5, Ais = 6;

    // The score trainer's purposes, far above the Boltzmann trainer's 6 + epoch of AIS.
    public const ulong ScoreNoise = 1_000_001, ScoreLevel = 1_000_002;

    public static ulong For(ulong seed, ulong purpose)
    {
        ulong z = seed + purpose * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
