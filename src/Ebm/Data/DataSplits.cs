namespace Ebm.Data;

/// <summary>What a data source provides: a training set, a test set where the source has one, and a note.</summary>
/// <param name="Train">The training items.</param>
/// <param name="Test">The held-out items, or null for a source without a test split (an .npy file).</param>
/// <param name="Note">
/// Something the user should know about how the request was met, e.g. that the embedded subset stood in for a
/// missing Fashion-MNIST folder; empty when there is nothing to say.
/// </param>
public sealed record DataSplits(Dataset Train, Dataset? Test, string Note);
