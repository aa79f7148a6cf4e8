using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Warden.Benchmarks.Procfs;

/// <summary>
/// Bytes allocated per operation on the benchmark's own thread (GC.GetAllocatedBytesForCurrentThread around
/// each op, every op after GlobalSetup: pilot, warm-up, workload and the memory diagnoser's run), shown beside
/// BenchmarkDotNet's "Allocated", which counts every thread of the process (GC.GetTotalAllocatedBytes): the
/// runtime's tiered JIT, BenchmarkDotNet's own host. The benchmark process writes its totals to a file at
/// GlobalCleanup; the summary, in the same process or the host of an out-of-process run, reads it.
/// </summary>
internal sealed class ThreadAllocatedColumn : IColumn
{
    /// <summary>Where the totals go; the variable is set by the host and inherited by a benchmark process.</summary>
    private const string DirectoryVariable = "WARDEN_BENCH_THREAD_ALLOC_DIR";

    public string Id => nameof(ThreadAllocatedColumn);

    public string ColumnName => "Cycle thread alloc";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Bytes allocated per op on the benchmark's own thread (every op after GlobalSetup); Allocated counts all threads";

    /// <summary>Called by the host before BenchmarkDotNet starts, so benchmark processes inherit the directory.</summary>
    public static void PrepareDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"warden-bench-thread-alloc-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        Environment.SetEnvironmentVariable(DirectoryVariable, dir);
    }

    /// <summary>Called at GlobalCleanup by the benchmark with its totals.</summary>
    public static void Save(string benchmark, long bytes, long operations)
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } dir)
        {
            File.WriteAllText(Path.Combine(dir, benchmark), string.Create(CultureInfo.InvariantCulture, $"{bytes} {operations}"));
        }
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var dir = Environment.GetEnvironmentVariable(DirectoryVariable);
        var file = dir is null ? null : Path.Combine(dir, benchmarkCase.Descriptor.WorkloadMethod.Name);
        if (file is null || !File.Exists(file))
        {
            return "NA";
        }
        var parts = File.ReadAllText(file).Split(' ');
        var bytes = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var operations = long.Parse(parts[1], CultureInfo.InvariantCulture);
        return operations == 0 ? "NA" : string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / operations:0.###} B ({bytes} B over {operations} ops)");
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
