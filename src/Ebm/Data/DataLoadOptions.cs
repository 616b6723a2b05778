namespace Ebm.Data;

/// <summary>What a data spec needs besides itself to become data.</summary>
/// <param name="Seed">The seed of the toy sets.</param>
/// <param name="ToyTrainCount">The number of training samples of a toy set.</param>
/// <param name="ToyTestCount">The number of test samples of a toy set, drawn after the training ones.</param>
/// <param name="FashionMnistFolder">The folder <c>fashion-mnist</c> tries before falling back to the embedded subset.</param>
public sealed record DataLoadOptions(ulong Seed, int ToyTrainCount, int ToyTestCount, string FashionMnistFolder)
{
    /// <summary>Seed 0, 10,000 training and 2,000 test samples of a toy set, and <see cref="FashionMnist.DefaultFolder"/>.</summary>
    public static DataLoadOptions Default { get; } = new(0, 10_000, 2_000, FashionMnist.DefaultFolder);
}
