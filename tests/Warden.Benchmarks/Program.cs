using BenchmarkDotNet.Running;

if (args.FirstOrDefault() == "fleet-footprint")
{
    return await Warden.Benchmarks.Ingest.FleetFootprint.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Warden.Benchmarks.Procfs.SensingCycleBenchmarks).Assembly).Run(args);
return 0;
