using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

/// <summary>
/// The mean time of a benchmark as GFLOP/s. The flop count comes from the benchmark class's public
/// <c>Flops</c> property, read from an instance given the case's parameter values.
/// </summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Billions of floating-point operations per second at the mean time";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        Type type = benchmarkCase.Descriptor.Type;
        var flopsProperty = type.GetProperty("Flops");
        if (stats is null || flopsProperty is null)
            return "NA";
        object instance = Activator.CreateInstance(type)!;
        foreach (var parameter in benchmarkCase.Parameters.Items)
            type.GetProperty(parameter.Name)?.SetValue(instance, parameter.Value);
        double flops = (double)flopsProperty.GetValue(instance)!;
        // Mean is in nanoseconds, so flops per nanosecond are GFLOP/s.
        return (flops / stats.Mean).ToString("F1");
    }
}
