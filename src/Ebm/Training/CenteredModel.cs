using System.Buffers;

namespace Ebm.Training;

/// <summary>
/// A model evaluated at states shifted by offsets: E_c(x; θ) = E(x − o; θ), the centred parametrisation of
/// Montavon &amp; Müller (2012). For groups in which the energy is affine, the generated logits at x − o are exactly the
/// centred model's logits, and ∇θE at x − o is the centred gradient, so samplers and the trainer use it unchanged.
/// Internal: the trainer converts to and from the declared parametrisation (<see cref="Centering"/>).
/// </summary>
internal sealed class CenteredModel(IGibbsModel inner, float[][] offsets) : IGibbsModel
{
    public IGibbsModel Inner => inner;

    public ModelLayout Layout => inner.Layout;

    public ModelStructure Structure => inner.Structure;

    public void CopyParameters(Span<float> destination) => inner.CopyParameters(destination);

    public IEnergyModel WithParameters(ReadOnlySpan<float> values) => new CenteredModel((IGibbsModel)inner.WithParameters(values), offsets);

    public float Energy(IReadOnlyList<ReadOnlyMemory<float>> state)
    {
        var energy = new float[1];
        Energy(state, energy);
        return energy[0];
    }

    public void Energy(IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> energies)
    {
        using var shifted = new Shifted(states, offsets);
        inner.Energy(shifted.States, energies);
    }

    public float StateGradient(IReadOnlyList<ReadOnlyMemory<float>> state, IReadOnlyList<Memory<float>> gradients) =>
        throw new NotSupportedException("Centring is for binary groups; the centred model has no state gradient.");

    public void StateGradient(IReadOnlyList<ReadOnlyMemory<float>> states, IReadOnlyList<Memory<float>> gradients, Span<float> energies) =>
        throw new NotSupportedException("Centring is for binary groups; the centred model has no state gradient.");

    public void AccumulateParameterGradient(IReadOnlyList<ReadOnlyMemory<float>> states, ReadOnlySpan<float> weights, Span<float> gradient)
    {
        using var shifted = new Shifted(states, offsets);
        inner.AccumulateParameterGradient(shifted.States, weights, gradient);
    }

    public void ConditionalLogits(string group, IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> logits)
    {
        using var shifted = new Shifted(states, offsets);
        inner.ConditionalLogits(group, shifted.States, logits);
    }

    public void FreeEnergy(string summedGroup, IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> freeEnergies) =>
        throw new NotSupportedException("The trainer measures free energies on the declared parametrisation.");

    public void GaussianConditional(string group, IReadOnlyList<ReadOnlyMemory<float>> states, Span<float> mean, Span<float> variance) =>
        throw new NotSupportedException("Centring is for binary groups.");

    /// <summary>x − o for every row of every group, in arrays rented for the call (models are shared between threads).</summary>
    private readonly struct Shifted : IDisposable
    {
        private readonly float[][] rented;

        public Shifted(IReadOnlyList<ReadOnlyMemory<float>> states, float[][] offsets)
        {
            rented = new float[states.Count][];
            var views = new ReadOnlyMemory<float>[states.Count];
            for (int g = 0; g < states.Count; g++)
            {
                ReadOnlySpan<float> x = states[g].Span;
                float[] o = offsets[g];
                rented[g] = ArrayPool<float>.Shared.Rent(x.Length);
                Span<float> s = rented[g].AsSpan(0, x.Length);
                for (int r = 0; r < x.Length; r += o.Length)
                    System.Numerics.Tensors.TensorPrimitives.Subtract(x.Slice(r, o.Length), o, s.Slice(r, o.Length));
                views[g] = new ReadOnlyMemory<float>(rented[g], 0, x.Length);
            }
            States = views;
        }

        public IReadOnlyList<ReadOnlyMemory<float>> States { get; }

        public void Dispose()
        {
            foreach (float[] a in rented)
                ArrayPool<float>.Shared.Return(a);
        }
    }
}
