using System.Buffers;
using System.Numerics.Tensors;

namespace Ebm.Contrastive;

/// <summary>
/// The contrastive loss of an energy model with one continuous state group, L = E_data[E] − E_neg[E] +
/// α_reg·(E_data[E²] + E_neg[E²]), and its gradient with the negatives held fixed, from the generated weighted
/// parameter gradient: data row i weighs (1 + 2α_reg·E(x⁺ᵢ))/N and negative j weighs −(1 − 2α_reg·E(x⁻ⱼ))/M, so
/// ∇θL = E_data[∇θE] − E_neg[∇θE] plus the regulariser's part in two calls (specs/contrastive.md).
/// </summary>
public static class ContrastiveLoss
{
    /// <summary>Rows per model call: fixed, so that sums and hence the bits do not depend on the thread count.</summary>
    internal const int ChunkRows = 64;

    /// <summary>The loss of <paramref name="data"/> against fixed <paramref name="negatives"/>, and its parameter gradient.</summary>
    /// <param name="model">The model; its only state group is continuous.</param>
    /// <param name="data">Data rows of the group's size, at least one.</param>
    /// <param name="negatives">Negative samples, rows of the group's size, at least one.</param>
    /// <param name="regularizationWeight">α_reg ≥ 0.</param>
    /// <returns>The loss, the regulariser, the mean energies and the gradient of loss plus regulariser.</returns>
    /// <exception cref="ArgumentException">The model has another state group, or the rows do not fit it.</exception>
    public static ContrastiveLossResult Evaluate(IEnergyModel model, ReadOnlyMemory<float> data, ReadOnlyMemory<float> negatives, float regularizationWeight)
    {
        int units = ContrastiveTrainer.Units(model);
        int n = Rows(data, units, nameof(data)), m = Rows(negatives, units, nameof(negatives));
        if (!(regularizationWeight >= 0))
            throw new ArgumentOutOfRangeException(nameof(regularizationWeight), regularizationWeight, "The regularisation weight must be at least 0.");
        var gradient = new float[model.Layout.ParameterCount];
        return Compute(model, units, data, n, negatives, m, regularizationWeight, gradient, -1);
    }

    /// <summary>Writes the gradient into <paramref name="gradient"/> (overwritten) and returns the result around it.</summary>
    internal static ContrastiveLossResult Compute(IEnergyModel model, int units, ReadOnlyMemory<float> data, int n,
        ReadOnlyMemory<float> negatives, int m, float alpha, float[] gradient, int maxDegreeOfParallelism)
    {
        var dataEnergies = new float[n];
        var negativeEnergies = new float[m];
        int dataChunks = Chunks(n), chunks = dataChunks + Chunks(m);
        Parallelism.For(0, chunks, maxDegreeOfParallelism, k =>
        {
            var (rows, first, count, energies) = k < dataChunks ? (data, k * ChunkRows, Math.Min(ChunkRows, n - k * ChunkRows), dataEnergies)
                : (negatives, (k - dataChunks) * ChunkRows, Math.Min(ChunkRows, m - (k - dataChunks) * ChunkRows), negativeEnergies);
            model.Energy([rows.Slice(first * units, count * units)], energies.AsSpan(first, count));
        });

        double dataSum = 0, dataSquares = 0, negativeSum = 0, negativeSquares = 0;
        foreach (float e in dataEnergies)
        {
            dataSum += e;
            dataSquares += (double)e * e;
        }
        foreach (float e in negativeEnergies)
        {
            negativeSum += e;
            negativeSquares += (double)e * e;
        }
        var weights = new float[n + m];
        for (int i = 0; i < n; i++)
            weights[i] = (float)((1 + 2.0 * alpha * dataEnergies[i]) / n);
        for (int j = 0; j < m; j++)
            weights[n + j] = (float)(-(1 - 2.0 * alpha * negativeEnergies[j]) / m);

        // Each chunk accumulates into its own buffer and the buffers are added in chunk order, so the sum is the same
        // whichever thread ran which chunk.
        int p = gradient.Length;
        float[] partial = ArrayPool<float>.Shared.Rent(chunks * p);
        partial.AsSpan(0, chunks * p).Clear();
        Parallelism.For(0, chunks, maxDegreeOfParallelism, k =>
        {
            var (rows, first, count, offset) = k < dataChunks ? (data, k * ChunkRows, Math.Min(ChunkRows, n - k * ChunkRows), 0)
                : (negatives, (k - dataChunks) * ChunkRows, Math.Min(ChunkRows, m - (k - dataChunks) * ChunkRows), n);
            model.AccumulateParameterGradient([rows.Slice(first * units, count * units)], weights.AsSpan(offset + first, count), partial.AsSpan(k * p, p));
        });
        Array.Clear(gradient);
        for (int k = 0; k < chunks; k++)
            TensorPrimitives.Add(gradient, partial.AsSpan(k * p, p), gradient);
        ArrayPool<float>.Shared.Return(partial);

        double dataMean = dataSum / n, negativeMean = negativeSum / m;
        return new ContrastiveLossResult(dataMean - negativeMean, alpha * (dataSquares / n + negativeSquares / m), dataMean, negativeMean, gradient);
    }

    private static int Chunks(int rows) => (rows + ChunkRows - 1) / ChunkRows;

    private static int Rows(ReadOnlyMemory<float> rows, int units, string name)
    {
        if (rows.Length == 0 || rows.Length % units != 0)
            throw new ArgumentException($"The rows hold {rows.Length} values, not one or more whole rows of {units}.", name);
        return rows.Length / units;
    }
}
