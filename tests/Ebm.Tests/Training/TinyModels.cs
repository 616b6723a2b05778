using Ebm.Data;
using Ebm.Models;
using Ebm.Numerics;

namespace Ebm.Tests.Training;

/// <summary>
/// A tiny RBM or Boltzmann machine with given parameters and data, and the exact mean negative log-likelihood of the
/// data in double precision from energies written out by hand here (an oracle independent of the generated code).
/// </summary>
public sealed record TinyCase(bool Boltzmann, int V, int H, float Beta, float[] Theta, float[] Data)
{
    public int Rows => Data.Length / V;

    public IGibbsModel Model()
    {
        if (Boltzmann)
        {
            var p = BoltzmannMachine.Parameters.Create(v: V, h: H, beta: Beta, seed: 1);
            return BoltzmannMachine.Create(p.WithVector(Theta));
        }
        var q = BernoulliRbm.Parameters.Create(v: V, h: H, seed: 1);
        return BernoulliRbm.Create(q.WithVector(Theta));
    }

    public Dataset Dataset() => TinyModels.Rows(Data, V);

    /// <summary>−(1/N) Σᵣ log p(vᵣ) at parameters θ, by enumerating every (v, h).</summary>
    public double MeanNegativeLogLikelihood(IGibbsModel layoutSource, double[] theta)
    {
        ModelLayout layout = layoutSource.Layout;
        double Energy(int vBits, int hBits) => Boltzmann ? BmEnergy(layout, theta, vBits, hBits) : RbmEnergy(layout, theta, vBits, hBits);
        var all = new List<double>();
        for (int v = 0; v < 1 << V; v++)
            for (int h = 0; h < 1 << H; h++)
                all.Add(-Energy(v, h));
        double logZ = StableMath.LogSumExp(all.ToArray());
        double sum = 0;
        for (int r = 0; r < Rows; r++)
        {
            int bits = 0;
            for (int i = 0; i < V; i++)
                bits |= Data[r * V + i] == 1f ? 1 << i : 0;
            sum += StableMath.LogSumExp(Enumerable.Range(0, 1 << H).Select(h => -Energy(bits, h)).ToArray()) - logZ;
        }
        return -sum / Rows;
    }

    private static double Bit(int bits, int i) => (bits >> i) & 1;

    // E = −bᵀv − cᵀh − vᵀWh
    private double RbmEnergy(ModelLayout layout, double[] t, int v, int h)
    {
        int w = layout.Parameter("W").Offset, b = layout.Parameter("b").Offset, c = layout.Parameter("c").Offset;
        double e = 0;
        for (int i = 0; i < V; i++)
        {
            e -= t[b + i] * Bit(v, i);
            for (int j = 0; j < H; j++)
                e -= Bit(v, i) * t[w + i * H + j] * Bit(h, j);
        }
        for (int j = 0; j < H; j++)
            e -= t[c + j] * Bit(h, j);
        return e;
    }

    // E = β(−vᵀLv/2 − hᵀJh/2 − vᵀWh − bᵀv − cᵀh)
    private double BmEnergy(ModelLayout layout, double[] t, int v, int h)
    {
        int l = layout.Parameter("L").Offset, jj = layout.Parameter("J").Offset, w = layout.Parameter("W").Offset;
        int b = layout.Parameter("b").Offset, c = layout.Parameter("c").Offset;
        double e = 0;
        for (int i = 0; i < V; i++)
        {
            e -= t[b + i] * Bit(v, i);
            for (int k = 0; k < V; k++)
                e -= Bit(v, i) * t[l + i * V + k] * Bit(v, k) / 2;
            for (int j = 0; j < H; j++)
                e -= Bit(v, i) * t[w + i * H + j] * Bit(h, j);
        }
        for (int j = 0; j < H; j++)
        {
            e -= t[c + j] * Bit(h, j);
            for (int k = 0; k < H; k++)
                e -= Bit(h, j) * t[jj + j * H + k] * Bit(h, k) / 2;
        }
        return Beta * e;
    }

    public override string ToString() =>
        $"{(Boltzmann ? "BM" : "RBM")} {V}x{H} β={Beta} θ=[{string.Join(", ", Theta.Select(x => x.ToString("R")))}] data=[{string.Join("", Data.Select(x => x == 1f ? '1' : '0'))}]";
}

internal static class TinyModels
{
    public static Dataset Rows(float[] values, int columns) =>
        new("tiny", [columns], values, [], "test");

    /// <summary>Random binary rows from a Philox stream.</summary>
    public static float[] BinaryRows(int rows, int columns, ulong seed, float p = 0.5f)
    {
        var u = new float[rows * columns];
        new Ebm.Rng.RandomStream(seed, 0, 0).FillUniform(u);
        return [.. u.Select(x => x <= p ? 1f : 0f)];
    }
}
