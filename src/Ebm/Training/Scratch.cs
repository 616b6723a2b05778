namespace Ebm.Training;

/// <summary>
/// Arrays reused from one update to the next. Minibatch buffers of a large model are large-object-heap arrays; fresh
/// ones every update cost page faults and full collections that take longer than the update's matrix products.
/// A buffer handed out is valid until the same key is asked for again; its contents are not cleared.
/// </summary>
internal sealed class Scratch
{
    private readonly Dictionary<(string, int), float[]> arrays = [];

    public float[] Get(string key, int index, int length)
    {
        if (!arrays.TryGetValue((key, index), out float[]? array) || array.Length != length)
            arrays[(key, index)] = array = new float[length];
        return array;
    }

    /// <summary>One array per state group with the given rows.</summary>
    public float[][] Groups(string key, ModelLayout layout, int rows) =>
        [.. layout.States.Select((g, i) => Get(key, i, rows * g.Size))];
}
