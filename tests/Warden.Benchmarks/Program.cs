using BenchmarkDotNet.Running;
using Warden.Benchmarks.Streaming;

if (args.FirstOrDefault() == "fleet-footprint")
{
    return await Warden.Benchmarks.Ingest.FleetFootprint.RunAsync(args[1..]);
}
if (args.FirstOrDefault() == "tui-footprint")
{
    return await Warden.Benchmarks.Tui.TuiFootprint.RunAsync(args[1..]);
}
if (args.FirstOrDefault() == "tui-allocations")
{
    return Warden.Benchmarks.Tui.AllocationProfile.Run(args[1..]);
}
// --filter '*CatchUp*' runs the catch-up measurement of the published programs (not a
// BenchmarkDotNet benchmark: it times real processes); any other filter goes to BenchmarkDotNet.
var filter = Argument("--filter") ?? "*";
if (filter.Contains("CatchUp", StringComparison.OrdinalIgnoreCase))
{
    return await CatchUpMeasurement.RunAsync(Argument("--publish") ?? Path.Combine("artifacts", "publish"),
        Argument("--artifacts") ?? Path.Combine("artifacts", "bench"));
}
// --publish is the catch-up's own option; BenchmarkDotNet refuses options it does not know.
var publishAt = Array.IndexOf(args, "--publish");
string[] benchmarkArgs = publishAt >= 0 && publishAt + 1 < args.Length ? [.. args[..publishAt], .. args[(publishAt + 2)..]] : args;
Warden.Benchmarks.Procfs.ThreadAllocatedColumn.PrepareDirectory();
BenchmarkSwitcher.FromAssembly(typeof(Warden.Benchmarks.Procfs.SensingCycleBenchmarks).Assembly).Run(benchmarkArgs);
return 0;

string? Argument(string name) => Warden.Benchmarks.CommandOptions.Text(args, name);
