using Ebm.Rng;

namespace Ebm.Models;

/// <summary>
/// The models and starting states of the standard performance workloads (`ebm bench`, the benchmark
/// project), matching the peers in ../shared/peers/torch_langevin.py so that figures compare like with like.
/// </summary>
public static class StandardWorkloads
{
    /// <summary>
    /// The peers' 2-D mixture: 8 equally weighted Gaussians with means on a circle of radius 4 and σ = 0.5
    /// (E(x) = −logsumexp_k(−‖x − μ_k‖²/(2σ²))).
    /// </summary>
    public static GaussianMixture.Model RingOfEight()
    {
        var vector = new float[16 + 8];
        for (int k = 0; k < 8; k++)
        {
            vector[2 * k] = (float)(4 * Math.Cos(2 * Math.PI * k / 8));
            vector[2 * k + 1] = (float)(4 * Math.Sin(2 * Math.PI * k / 8));
        }
        // The last 8 entries are the log-weights: 0 for equal weights.
        return GaussianMixture.Create(GaussianMixture.Parameters.Create(x: 2, meansRows: 8, sigma: 0.5f, seed: 0).WithVector(vector));
    }

    /// <summary>
    /// The peers' neural energy: a 784-256-256-1 SiLU MLP. Initialised by Ebm's seeded factory, not PyTorch's
    /// default, which changes the energies but not the work of a step.
    /// </summary>
    public static MlpEnergy.Model Mlp784() => MlpEnergy.Create(MlpEnergy.Parameters.Create(784, 256, 256, seed: 0));

    /// <summary>Chains × dimension starting states drawn from scale · N(0, I), row-major, from <paramref name="seed"/>.</summary>
    public static float[] NormalStart(int chains, int dimension, float scale, ulong seed)
    {
        var start = new float[checked(chains * dimension)];
        new RandomStream(seed, 0, 0).FillNormal(start);
        for (int i = 0; i < start.Length; i++)
            start[i] *= scale;
        return start;
    }

    /// <summary>
    /// The Gibbs workload: a 784×500 Bernoulli RBM (Fashion-MNIST's visibles, the peers' hiddens) with the seeded
    /// factory's N(0, 0.01²) weights and zero biases; the work of a sweep does not depend on the values.
    /// </summary>
    public static BernoulliRbm.Model Rbm784x500() => BernoulliRbm.Create(BernoulliRbm.Parameters.Create(784, 500, seed: 0));

    /// <summary>Chains × dimension binary starting states, each unit 1 with probability ½, row-major, from <paramref name="seed"/>.</summary>
    public static float[] BernoulliStart(int chains, int dimension, ulong seed)
    {
        var start = new float[checked(chains * dimension)];
        var half = new float[start.Length];
        Array.Fill(half, 0.5f);
        new RandomStream(seed, 0, 0).FillBernoulli(half, start);
        return start;
    }

    /// <summary>Chains × dimension starting states drawn from U(0, 1], row-major, from <paramref name="seed"/>.</summary>
    public static float[] UniformStart(int chains, int dimension, ulong seed)
    {
        var start = new float[checked(chains * dimension)];
        new RandomStream(seed, 0, 0).FillUniform(start);
        return start;
    }
}
