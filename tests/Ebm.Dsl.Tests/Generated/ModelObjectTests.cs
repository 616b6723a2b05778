using Ebm.Models;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>The model objects' typed methods agree with the contract's, and bad arguments are clear errors.</summary>
public class ModelObjectTests
{
    private static readonly float[] V = [1, 0, 1];
    private static readonly float[] H = [0, 1];

    private static BernoulliRbm.Model Rbm() =>
        BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 3, h: 2, seed: 3).WithVector(Enumerable.Range(0, 11).Select(i => i / 10f - 0.5f).ToArray()));

    [Fact]
    public void The_typed_energy_is_the_rbm_energy_written_out()
    {
        var model = Rbm();
        var p = model.Parameters;
        double expected = 0;
        for (int i = 0; i < 3; i++)
        {
            expected -= p.b[i] * V[i];
            for (int j = 0; j < 2; j++)
                expected -= V[i] * p.W[i * 2 + j] * H[j];
        }
        for (int j = 0; j < 2; j++)
            expected -= p.c[j] * H[j];

        Assert.Equal(expected, model.Energy(V, H), 5);
        Assert.Equal(model.Energy(V, H), ((IEnergyModel)model).Energy(Contract.In([V, H])));
    }

    [Fact]
    public void The_typed_state_gradient_returns_the_energy_and_writes_the_gradient()
    {
        var model = GaussianMixture.Create(GaussianMixture.Parameters.Create(x: 2, meansRows: 3, sigma: 1f, seed: 5));
        float[] x = [0.3f, -0.7f];
        float[] dx = new float[2];

        float energy = model.StateGradient(x, dx);

        Assert.Equal(model.Energy(x), energy);
        // All means are near 0 and the weights equal, so the mixture is nearly N(0, I): ∇E ≈ x.
        Assert.Equal(0.3, dx[0], 1);
        Assert.Equal(-0.7, dx[1], 1);
    }

    [Fact]
    public void WithParameters_gives_a_new_model_and_leaves_this_one()
    {
        var model = Rbm();
        var moved = model.WithParameters(new float[11]);
        Assert.Equal(0f, moved.Energy(V, H));
        Assert.NotEqual(0f, model.Energy(V, H));
        Assert.Equal(model.Parameters.WithVector(new float[11]), moved.Parameters);
    }

    [Fact]
    public void Rows_and_lists_of_the_wrong_size_name_the_argument()
    {
        IEnergyModel model = Rbm();
        Assert.Contains("v has length 2, but the model needs 3", Assert.Throws<ArgumentException>(() => Rbm().Energy(new float[2], H)).Message);
        Assert.Contains("h has length 3, but a batch of 2 rows of 2 units needs 4", Assert.Throws<ArgumentException>(() => Rbm().Energy(new float[6], new float[3], new float[2])).Message);
        Assert.Contains("one per state group (v, h): 2", Assert.Throws<ArgumentException>(() => model.Energy(Contract.In([V]))).Message);
        Assert.Contains("gradient has length 10, but the model needs 11", Assert.Throws<ArgumentException>(() => model.AccumulateParameterGradient(Contract.In([V, H]), [1f], new float[10])).Message);
        Assert.Contains("destination has length 3", Assert.Throws<ArgumentException>(() => model.CopyParameters(new float[3])).Message);
        var mixture = GaussianMixture.Create(GaussianMixture.Parameters.Create(x: 2, meansRows: 3, sigma: 1f, seed: 5));
        Assert.Contains("dx has length 3", Assert.Throws<ArgumentException>(() => mixture.StateGradient([0f, 0f], new float[3])).Message);
        Assert.Contains("one per continuous state group (x): 1", Assert.Throws<ArgumentException>(() => ((IEnergyModel)mixture).StateGradient(Contract.In([[0f, 0f]]), [])).Message);
    }

    [Fact]
    public void A_model_without_continuous_groups_has_an_empty_state_gradient_and_still_gives_the_energy()
    {
        IEnergyModel model = Rbm();
        var energies = new float[2];
        model.StateGradient(Contract.In([[.. V, .. V], [.. H, .. H]]), [], energies);
        Assert.Equal([Rbm().Energy(V, H), Rbm().Energy(V, H)], energies);
        Assert.Empty(model.Layout.ContinuousStates);
    }

    [Fact]
    public void An_empty_batch_computes_nothing_and_adds_nothing()
    {
        IEnergyModel model = MlpEnergy.Create(MlpEnergy.Parameters.Create(x: 3, W1Rows: 2, W2Rows: 2, seed: 1));
        var gradient = new float[model.Layout.ParameterCount];
        model.AccumulateParameterGradient(Contract.In([[]]), [], gradient);
        model.StateGradient(Contract.In([[]]), Contract.Out([[]]), []);
        Assert.All(gradient, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Rebind_reads_the_callers_array_itself_and_WithParameters_a_copy()
    {
        var model = Rbm();
        float[] values = model.Parameters.ToVector();
        var rebound = (BernoulliRbm.Model)((IRebindableModel)model).Rebind(values);
        var copied = model.WithParameters(values);
        Assert.Equal(model.Energy(V, H), rebound.Energy(V, H));

        values[0] += 1f;   // W[0, 0]: v₀ = 1 and h₀ = 0 here, so change b₀ too to move the energy
        values[6] += 1f;   // b₀
        Assert.Equal(model.Energy(V, H) - 1f, rebound.Energy(V, H), 5);
        Assert.Equal(model.Energy(V, H), copied.Energy(V, H));
        Assert.Throws<ArgumentException>(() => model.Rebind(new float[3]));
        Assert.Throws<ArgumentNullException>(() => model.Rebind(null!));
    }
}
