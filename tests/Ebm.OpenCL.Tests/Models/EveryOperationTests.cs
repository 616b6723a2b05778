using Ebm.Models;
using Ebm.Rng;

namespace Ebm.OpenCL.Tests.Models;

/// <summary>The energy and the state gradient of <see cref="EveryOperation"/> on OpenCL against the generated C#.</summary>
public class EveryOperationTests
{
    private static EveryOperation.Model Model()
    {
        var parameters = EveryOperation.Parameters.Create(x: 6, k: 1.5f, scale: [0.5f, -1f, 2f, 0.25f, 1f, -0.75f], seed: 1);
        var values = new float[parameters.Vector.Length];
        new RandomStream(5, 0, 0).FillNormal(values);
        for (int i = 0; i < values.Length; i++)
            values[i] *= 0.6f;
        return EveryOperation.Create(parameters.WithVector(values));
    }

    [SkippableFact]
    public void Energy_and_state_gradient_agree_with_the_cpu()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        var model = Model();
        const int chains = 40;
        float[] x = StandardWorkloads.NormalStart(chains, 6, 1.5f, seed: 2);
        ReadOnlyMemory<float>[] states = [x];
        using var device = new OpenClChains(context, model, states);

        var energies = new float[chains];
        var gradient = new float[x.Length];
        ((IEnergyModel)model).StateGradient(states, [gradient], energies);
        float[] deviceEnergies = device.Energies();
        float[] deviceGradient = Assert.Single(device.StateGradients());
        for (int c = 0; c < chains; c++)
        {
            Assert.True(Math.Abs(energies[c] - deviceEnergies[c]) <= 1e-5 * Math.Max(1, Math.Abs(energies[c])), $"E of chain {c}: CPU {energies[c]}, OpenCL {deviceEnergies[c]}");
            double scale = Math.Max(1, gradient.AsSpan(c * 6, 6).ToArray().Max(Math.Abs));
            for (int i = 0; i < 6; i++)
                Assert.True(Math.Abs(gradient[c * 6 + i] - deviceGradient[c * 6 + i]) <= 1e-5 * scale,
                    $"dE/dx[{i}] of chain {c}: CPU {gradient[c * 6 + i]}, OpenCL {deviceGradient[c * 6 + i]}");
        }
    }
}
