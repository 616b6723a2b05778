namespace Ebm.IO;

/// <summary>
/// The parameters of a scikit-learn <c>BernoulliRBM</c> as the peers' <c>sklearn_rbm.py</c> saves them, laid out for
/// Ebm's <c>BernoulliRbm</c> declaration E(v, h) = −bᵀv − cᵀh − vᵀWh.
/// </summary>
/// <param name="Visible">The number of visible units.</param>
/// <param name="Hidden">The number of hidden units.</param>
/// <param name="Weights">W, visible × hidden, row-major: the transpose of scikit-learn's <c>components_</c>.</param>
/// <param name="VisibleBias">b: scikit-learn's <c>intercept_visible_</c>.</param>
/// <param name="HiddenBias">c: scikit-learn's <c>intercept_hidden_</c>.</param>
/// <param name="Meta">The JSON text the script stores as <c>meta</c> (trainer, sizes, options), or empty if absent.</param>
public sealed record SklearnRbmWeights(
    int Visible, int Hidden, ReadOnlyMemory<float> Weights, ReadOnlyMemory<float> VisibleBias, ReadOnlyMemory<float> HiddenBias, string Meta)
{
    /// <summary>Reads the .npz file written by <c>sklearn_rbm.py --out FILE</c> (float32 or float64 parameters).</summary>
    /// <param name="path">The .npz file.</param>
    /// <returns>The parameters, converted to float32.</returns>
    /// <exception cref="DataFormatException">
    /// The file is malformed, lacks an array, or the arrays' shapes do not fit together.
    /// </exception>
    public static SklearnRbmWeights Read(string path)
    {
        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Read(path);
        NpyArray Get(string key) => arrays.TryGetValue(key, out NpyArray? a)
            ? a
            : throw new DataFormatException(path, 0,
                $"no array '{key}'; an RBM file of sklearn_rbm.py holds components_, intercept_visible_ and intercept_hidden_ (found: {string.Join(", ", arrays.Keys)})");
        NpyArray components = Get("components_");
        NpyArray visibleBias = Get("intercept_visible_");
        NpyArray hiddenBias = Get("intercept_hidden_");
        if (components.Shape.Count != 2)
            throw new DataFormatException(components.Source, 0, $"components_ has {components.Shape.Count} dimensions, expected 2 (hidden x visible)");
        if (components.ElementType is not (NpyElementType.Float32 or NpyElementType.Float64))
            throw new DataFormatException(components.Source, 0, $"components_ holds {components.Descr}, expected floats");
        int hidden = components.Shape[0], visible = components.Shape[1];
        RequireVector(visibleBias, "intercept_visible_", visible);
        RequireVector(hiddenBias, "intercept_hidden_", hidden);

        float[] c = components.ToSingleArray();
        var w = new float[c.Length];
        for (int j = 0; j < hidden; j++)
            for (int i = 0; i < visible; i++)
                w[i * hidden + j] = c[j * visible + i];
        string meta = arrays.TryGetValue("meta", out NpyArray? m) && m.ElementType == NpyElementType.Unicode && m.Length == 1 ? m.ToStrings()[0] : "";
        return new SklearnRbmWeights(visible, hidden, w, visibleBias.ToSingleArray(), hiddenBias.ToSingleArray(), meta);
    }

    /// <summary>Equal when the sizes, the meta text and every parameter value are.</summary>
    /// <param name="other">The weights to compare with.</param>
    /// <returns>True when both describe the same RBM.</returns>
    public bool Equals(SklearnRbmWeights? other) =>
        other is not null && Visible == other.Visible && Hidden == other.Hidden && Meta == other.Meta
        && Weights.Span.SequenceEqual(other.Weights.Span) && VisibleBias.Span.SequenceEqual(other.VisibleBias.Span)
        && HiddenBias.Span.SequenceEqual(other.HiddenBias.Span);

    /// <summary>A hash of the sizes; equal weights have equal hashes.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Visible, Hidden);

    private static void RequireVector(NpyArray array, string key, int length)
    {
        if (array.Shape.Count != 1 || array.Shape[0] != length)
            throw new DataFormatException(array.Source, 0,
                $"{key} has shape ({string.Join(", ", array.Shape)}{(array.Shape.Count == 1 ? "," : "")}), expected ({length},) to match components_");
        if (array.ElementType is not (NpyElementType.Float32 or NpyElementType.Float64))
            throw new DataFormatException(array.Source, 0, $"{key} holds {array.Descr}, expected floats");
    }
}
