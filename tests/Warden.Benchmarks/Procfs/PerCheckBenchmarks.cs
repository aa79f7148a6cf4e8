using BenchmarkDotNet.Attributes;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;

namespace Warden.Benchmarks.Procfs;

/// <summary>Each default check evaluated alone on this machine, to see where a cycle's time and bytes go.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PerCheckBenchmarks
{
    private ICheck _check = null!;
    private readonly List<CheckOutcome> _outcomes = [];
    private IReadOnlyList<ICheck> _all = [];

    public static IEnumerable<string> CheckNames() =>
        CheckCatalog.Create(new AgentOptions(), TimeProvider.System).Select(c => c.Name).ToList();

    [ParamsSource(nameof(CheckNames))]
    public string Check { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _all = CheckCatalog.Create(new AgentOptions(), TimeProvider.System);
        _check = _all.Single(c => c.Name == Check);
        for (var i = 0; i < 3; i++)
        {
            Evaluate();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var check in _all.OfType<IDisposable>())
        {
            check.Dispose();
        }
    }

    [Benchmark]
    public int Evaluate()
    {
        _outcomes.Clear();
        _check.EvaluateAsync(_outcomes, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return _outcomes.Count;
    }
}
