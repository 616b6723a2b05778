using Ebm.Generators.Emit;
using Ebm.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Ebm.Generators.Tests;

/// <summary>
/// Sizes are inferred by unification over the energy expression and named after their first carrier;
/// the tests read the parsed model from the pipeline's tracked step.
/// </summary>
public class ShapeInferenceTests
{
    [Theory]
    [InlineData("GaussianMixture", "x, meansRows", "x: continuous state Vec[x]; means: trainable Mat[meansRows, x]; logWeights: trainable Vec[meansRows]; sigma: const Scalar")]
    [InlineData("BernoulliRbm", "v, h", "v: binary state Vec[v]; h: binary state Vec[h]; W: trainable Mat[v, h]; b: trainable Vec[v]; c: trainable Vec[h]")]
    [InlineData("GaussianBernoulliRbm", "v, h", "v: continuous state Vec[v]; h: binary state Vec[h]; W: trainable Mat[v, h]; b: trainable Vec[v]; c: trainable Vec[h]; sigma: const Scalar")]
    [InlineData("BoltzmannMachine", "v, h", "v: binary state Vec[v]; h: binary state Vec[h]; L: trainable Mat[v, v]; J: trainable Mat[h, h]; W: trainable Mat[v, h]; b: trainable Vec[v]; c: trainable Vec[h]; beta: const Scalar")]
    [InlineData("DeepBoltzmannMachine", "v, h1, h2", "v: binary state Vec[v]; h1: binary state Vec[h1]; h2: binary state Vec[h2]; W1: trainable Mat[v, h1]; W2: trainable Mat[h1, h2]; b: trainable Vec[v]; c1: trainable Vec[h1]; c2: trainable Vec[h2]")]
    [InlineData("MlpEnergy", "x, W1Rows, W2Rows", "x: continuous state Vec[x]; W1: trainable Mat[W1Rows, x]; b1: trainable Vec[W1Rows]; W2: trainable Mat[W2Rows, W1Rows]; b2: trainable Vec[W2Rows]; w3: trainable Vec[W2Rows]; b3: trainable Scalar")]
    public void Built_in_models_get_the_expected_sizes(string name, string sizes, string inputs)
    {
        var model = Parse(GeneratorHarness.Model(name));
        Assert.Equal(sizes, string.Join(", ", model.Sizes));
        Assert.Equal(inputs, Describe(model));
    }

    [Fact]
    public void Locals_carry_their_inferred_shapes()
    {
        var model = Parse(GeneratorHarness.Model("MlpEnergy"));
        Assert.Equal(["h1: Vec[W1Rows]", "h2: Vec[W2Rows]"], model.Locals.Select(l => $"{l.Name}: {ExprFormatter.Format(l.Value.Shape, model.Sizes)}"));
        Assert.Equal("Dot(w3, h2) + b3", ExprFormatter.Format(model.Energy));
    }

    [Fact]
    public void A_size_first_carried_by_a_matrix_is_named_after_its_rows_or_columns()
    {
        var model = Parse(Declaration("Mat A, [State] Vec x, Vec y", "Dot(y, A * x)"));
        Assert.Equal(["ARows", "ACols"], model.Sizes);
        Assert.Equal("A: trainable Mat[ARows, ACols]; x: continuous state Vec[ACols]; y: trainable Vec[ARows]", Describe(model));
    }

    [Fact]
    public void A_vector_times_a_matrix_contracts_the_rows_and_keeps_the_columns()
    {
        var model = Parse(Declaration("[State] Vec x, Mat A, Vec y", "Dot(x * A, y)"));
        Assert.Equal("x: continuous state Vec[x]; A: trainable Mat[x, ACols]; y: trainable Vec[ACols]", Describe(model));
        var dot = Assert.IsType<CallExpr>(model.Energy);
        Assert.Equal(BinaryOp.VecMat, Assert.IsType<BinaryExpr>(dot.Arguments[0]).Op);
    }

    [Fact]
    public void Column_sums_and_row_broadcasts_relate_the_right_sizes()
    {
        var model = Parse(Declaration("[State] Vec x, Mat M, Vec w", "Dot(w, ColSum(M + x)) + Sum(RowSum(M))"));
        Assert.Equal("x: continuous state Vec[x]; M: trainable Mat[MRows, x]; w: trainable Vec[x]", Describe(model));
    }

    [Fact]
    public void Sizes_that_nothing_relates_stay_distinct()
    {
        var model = Parse(Declaration("[State] Vec x, Vec y, Mat M", "Sum(x) + Sum(y) + Sum(M)"));
        Assert.Equal(["x", "y", "MRows", "MCols"], model.Sizes);
    }

    [Fact]
    public void A_size_name_already_taken_gets_a_suffix()
    {
        var model = Parse(Declaration("[State] Vec WRows, Mat W", "Sum(WRows) + Sum(W)"));
        Assert.Equal(["WRows", "WRows2", "WCols"], model.Sizes);
    }

    private static string Declaration(string parameters, string energy) => $$"""
        using Ebm.Dsl;
        using static Ebm.Dsl.Ops;

        [EnergyModel]
        public static partial class M
        {
            public static Scalar Energy({{parameters}}) => {{energy}};
        }
        """;

    private static string Describe(ModelSpec model) =>
        string.Join("; ", model.Inputs.Select(i => $"{i.Name}: {RoleText(i.Role)} {ExprFormatter.Format(i.Shape, model.Sizes)}"));

    private static string RoleText(Role role) => role switch
    {
        Role.ContinuousState => "continuous state",
        Role.BinaryState => "binary state",
        Role.Trainable => "trainable",
        _ => "const",
    };

    /// <summary>The single model the pipeline built from <paramref name="source"/>.</summary>
    private static ModelSpec Parse(string source)
    {
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(GeneratorHarness.Compile(source));
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var output = Assert.Single(result.TrackedSteps[TrackingNames.Models].SelectMany(step => step.Outputs));
        return Assert.IsType<ModelSpec>(output.Value);
    }
}
