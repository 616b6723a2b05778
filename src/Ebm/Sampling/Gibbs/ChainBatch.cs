namespace Ebm.Sampling;

/// <summary>Checks and copies of a batch of chains given as one row-major array per state group.</summary>
internal static class ChainBatch
{
    /// <summary>The number of rows, after checking that every group holds that many.</summary>
    public static int Rows(IEnergyModel model, IReadOnlyList<float[]> states, string name)
    {
        ArgumentNullException.ThrowIfNull(states, name);
        IReadOnlyList<StateLayout> groups = model.Layout.States;
        EnergyModelSupport.RequireCount(states, groups.Count, "state groups", name);
        int rows = -1;
        for (int g = 0; g < groups.Count; g++)
        {
            ArgumentNullException.ThrowIfNull(states[g], name);
            int size = groups[g].Size;
            if (size == 0 || states[g].Length % size != 0)
                throw new ArgumentException($"Group '{groups[g].Name}' has {states[g].Length} values, not a whole number of rows of {size}.", name);
            int n = states[g].Length / size;
            if (rows >= 0 && n != rows)
                throw new ArgumentException($"Group '{groups[g].Name}' has {n} rows but '{groups[0].Name}' has {rows}; every group must hold one row per chain.", name);
            rows = n;
        }
        return Math.Max(rows, 0);
    }

    /// <summary>A deep copy, so that the caller's arrays are never written.</summary>
    public static float[][] Copy(IReadOnlyList<float[]> states) => states.Select(s => (float[])s.Clone()).ToArray();

    /// <summary>The given rows of every group, copied.</summary>
    public static float[][] Rows(IEnergyModel model, IReadOnlyList<float[]> states, Func<int, int> sourceRow, int count)
    {
        var result = new float[states.Count][];
        for (int g = 0; g < states.Count; g++)
        {
            int size = model.Layout.States[g].Size;
            result[g] = new float[count * size];
            for (int r = 0; r < count; r++)
                Array.Copy(states[g], sourceRow(r) * size, result[g], r * size, size);
        }
        return result;
    }
}
