namespace Ebm.Dsl.Tests.Interpreter;

/// <summary>Every operation that needs sizes to agree throws when they do not, naming both shapes.</summary>
public class ShapeErrorTests
{
    private static readonly Vec V2 = new(1, 2);
    private static readonly Vec V3 = new(1, 2, 3);
    private static readonly Mat M2x3 = new(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
    private static readonly Mat M3x2 = new(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });

    public static TheoryData<string, string, string> Cases { get; } = new()
    {
        { "Vec + Vec", "Vec[2]", "Vec[3]" },
        { "Vec - Vec", "Vec[2]", "Vec[3]" },
        { "Vec * Vec", "Vec[2]", "Vec[3]" },
        { "Vec / Vec", "Vec[2]", "Vec[3]" },
        { "Mat + Mat", "Mat[2x3]", "Mat[3x2]" },
        { "Mat - Mat", "Mat[2x3]", "Mat[3x2]" },
        { "Mat * Mat", "Mat[2x3]", "Mat[3x2]" },
        { "Mat / Mat", "Mat[2x3]", "Mat[3x2]" },
        { "Mat + Vec", "Mat[2x3]", "Vec[2]" },
        { "Mat - Vec", "Mat[2x3]", "Vec[2]" },
        { "Vec + Mat", "Mat[2x3]", "Vec[2]" },
        { "Vec - Mat", "Mat[2x3]", "Vec[2]" },
        { "Mat * Vec", "Mat[2x3]", "Vec[2]" },
        { "Vec * Mat", "Vec[3]", "Mat[2x3]" },
        { "Dot", "Vec[2]", "Vec[3]" },
    };

    private static object Run(string operation) => operation switch
    {
        "Vec + Vec" => V2 + V3,
        "Vec - Vec" => V2 - V3,
        "Vec * Vec" => V2 * V3,
        "Vec / Vec" => V2 / V3,
        "Mat + Mat" => M2x3 + M3x2,
        "Mat - Mat" => M2x3 - M3x2,
        "Mat * Mat" => M2x3 * M3x2,
        "Mat / Mat" => M2x3 / M3x2,
        "Mat + Vec" => M2x3 + V2,
        "Mat - Vec" => M2x3 - V2,
        "Vec + Mat" => V2 + M2x3,
        "Vec - Mat" => V2 - M2x3,
        "Mat * Vec" => M2x3 * V2,
        "Vec * Mat" => V3 * M2x3,
        "Dot" => Ops.Dot(V2, V3),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_size_mismatch_throws_naming_the_operation_and_both_shapes(string operation, string first, string second)
    {
        var error = Assert.Throws<ArgumentException>(() => Run(operation));
        Assert.StartsWith(operation + ":", error.Message);
        Assert.Contains(first, error.Message);
        Assert.Contains(second, error.Message);
    }

    [Fact]
    public void Matching_sizes_do_not_throw()
    {
        // The counterpart: the same operations on agreeing shapes succeed.
        Assert.Equal(2, (M2x3 * V3).Length);
        Assert.Equal(3, (V2 * M2x3).Length);
        Assert.Equal(2, (M2x3 - V3).Rows);
        Assert.Equal(14.0, Ops.Dot(V3, V3).Value);
    }

    [Fact]
    public void A_row_major_matrix_needs_rows_times_cols_entries()
    {
        var error = Assert.Throws<ArgumentException>(() => new Mat(2, 3, [1, 2, 3, 4, 5]));
        Assert.Contains("2x3", error.Message);
        Assert.Contains("6 entries, not 5", error.Message);
    }
}
