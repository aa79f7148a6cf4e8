using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Configuration;

namespace Warden.Agent.Tests.Checks;

/// <summary>
/// Regression guard for issue 3's "no allocation per cycle once warm": the system checks over a real
/// fixture host (files that do not change, a fake clock) allocate nothing after their first cycles.
/// Deterministic: the same files give the same code paths every cycle. The live host is measured by
/// the FullCycle benchmark.
/// </summary>
public class WarmCycleAllocationTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host)]
    [InlineData(TestTrees.Cgroup1Host)]
    public void Warm_system_checks_allocate_nothing_per_cycle(string host)
    {
        var time = new FakeTimeProvider();
        var checks = SystemCheckSet.Create(new AgentOptions().Checks.System, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, host)), time);
        var outcomes = new List<CheckOutcome>(64);
        for (var i = 0; i < 3; i++)
        {
            Cycle(checks, outcomes, time);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Cycle(checks, outcomes, time);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains(outcomes, o => o.Check == MemoryAvailableCheck.CheckName && o.Result.Status != CheckStatus.Unknown);
        Assert.Contains("% of memory available", outcomes.First(o => o.Check == MemoryAvailableCheck.CheckName).Result.Reason, StringComparison.Ordinal);
    }

    private static void Cycle(IReadOnlyList<ICheck> checks, List<CheckOutcome> outcomes, FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromSeconds(5));
        outcomes.Clear();
        for (var i = 0; i < checks.Count; i++)
        {
            var evaluation = checks[i].EvaluateAsync(outcomes, CancellationToken.None);
            Assert.True(evaluation.IsCompletedSuccessfully); // /proc checks finish synchronously
        }
    }
}
