using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SmsLint.Benchmarks;

/// <summary>MB/s and allocated bytes per MB of input, from the mean time and the allocation per operation.</summary>
public sealed class ThroughputColumn(bool allocation) : IColumn
{
    public string Id => allocation ? "AllocPerMB" : "MBps";

    public string ColumnName => allocation ? "Alloc/MB input" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => allocation ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => allocation
        ? "Bytes allocated per megabyte (10^6 bytes) of input"
        : "Input megabytes (10^6 bytes) per second of mean time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var bytes = ParserBenchmarks.BytesPerOperation(benchmarkCase.Descriptor.WorkloadMethod.Name);
        if (report?.ResultStatistics is not { } stats || bytes == 0)
        {
            return "-";
        }

        var megabytes = bytes / 1e6;
        if (allocation)
        {
            var perOp = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? 0;
            return $"{perOp / megabytes / 1e6:F2} MB";
        }

        return $"{megabytes / (stats.Mean / 1e9):F1}";
    }

    public override string ToString() => ColumnName;
}
