using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Warden.Benchmarks.Procfs.SensingCycleBenchmarks).Assembly).Run(args);
