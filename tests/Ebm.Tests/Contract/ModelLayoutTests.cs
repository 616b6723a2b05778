namespace Ebm.Tests.Contract;

/// <summary>The concrete layout of a description: state sizes, the flat vector's offsets, lookups and their errors.</summary>
public class ModelLayoutTests
{
    // An RBM-like model with a const scalar in the middle, which the flat vector must skip.
    private static readonly ModelDescription Description = new(
        "Toy",
        ["v", "h"],
        [new StateGroup("v", StateKind.Continuous, "v"), new StateGroup("h", StateKind.Binary, "h")],
        [
            new ModelParameter("W", ParameterRank.Matrix, ["v", "h"], IsTrainable: true),
            new ModelParameter("sigma", ParameterRank.Scalar, [], IsTrainable: false),
            new ModelParameter("c", ParameterRank.Vector, ["h"], IsTrainable: true),
            new ModelParameter("b0", ParameterRank.Scalar, [], IsTrainable: true),
        ]);

    [Fact]
    public void Trainable_parameters_lie_one_after_another_in_declaration_order()
    {
        var layout = new ModelLayout(Description, [3, 2]);

        Assert.Equal(
            [
                new ParameterLayout("W", ParameterRank.Matrix, [3, 2], Offset: 0, Length: 6),
                new ParameterLayout("c", ParameterRank.Vector, [2], Offset: 6, Length: 2),
                new ParameterLayout("b0", ParameterRank.Scalar, [], Offset: 8, Length: 1),
            ],
            layout.Parameters);
        Assert.Equal(9, layout.ParameterCount);
        Assert.Equal(6, layout.Parameter("c").Offset);
    }

    [Fact]
    public void State_groups_get_their_sizes_and_the_continuous_ones_are_listed_apart()
    {
        var layout = new ModelLayout(Description, [3, 2]);

        Assert.Equal([new StateLayout("v", StateKind.Continuous, 3), new StateLayout("h", StateKind.Binary, 2)], layout.States);
        Assert.Equal([new StateLayout("v", StateKind.Continuous, 3)], layout.ContinuousStates);
        Assert.Equal(1, layout.StateIndex("h"));
        Assert.Equal(2, layout.Size("h"));
    }

    [Fact]
    public void Wrong_size_values_and_unknown_names_are_errors_that_name_the_model()
    {
        Assert.Contains("Toy has 2 sizes (v, h) but 1 values", Assert.Throws<ArgumentException>(() => new ModelLayout(Description, [3])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelLayout(Description, [3, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelLayout(Description, [100_000, 100_000]));
        var layout = new ModelLayout(Description, [3, 2]);
        Assert.Contains("no trainable parameter named 'sigma'", Assert.Throws<ArgumentException>(() => layout.Parameter("sigma")).Message);
        Assert.Contains("no state group named 'x'", Assert.Throws<ArgumentException>(() => layout.StateIndex("x")).Message);
    }

    [Fact]
    public void Layouts_compare_by_description_and_size_values()
    {
        Assert.Equal(new ModelLayout(Description, [3, 2]), new ModelLayout(Description, new List<int> { 3, 2 }));
        Assert.Equal(new ModelLayout(Description, [3, 2]).GetHashCode(), new ModelLayout(Description, [3, 2]).GetHashCode());
        Assert.NotEqual(new ModelLayout(Description, [3, 2]), new ModelLayout(Description, [2, 3]));
    }

    [Fact]
    public void The_size_list_is_a_copy_that_cannot_be_changed()
    {
        int[] sizes = [3, 2];
        var layout = new ModelLayout(Description, sizes);
        sizes[0] = 7;
        Assert.Equal(3, layout.Sizes[0]);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)layout.Sizes)[0] = 7);
    }
}
