using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;

namespace Warden.Agent.Tests.Checks;

public class CheckRunnerTests
{
    [Fact]
    public async Task Each_check_runs_on_its_own_interval()
    {
        var time = new FakeTimeProvider();
        var fast = new CountingCheck("fast", TimeSpan.FromSeconds(1));
        var slow = new CountingCheck("slow", TimeSpan.FromSeconds(10));
        var runner = new CheckRunner([fast, slow], time, NullLogger.Instance);
        using var cts = new CancellationTokenSource();
        var evaluations = new EvaluationLog(runner);

        var running = runner.RunAsync(cts.Token);
        await evaluations.WaitForAsync(2); // both evaluate at start
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await evaluations.WaitForAsync(3 + i + (i == 9 ? 1 : 0));
        }

        Assert.Equal(11, fast.Count);
        Assert.Equal(2, slow.Count);
        await cts.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_check_that_throws_is_unknown_with_the_error_and_the_others_go_on()
    {
        var runner = new CheckRunner([new ThrowingCheck(), new CountingCheck("fine", TimeSpan.FromSeconds(1))], TimeProvider.System, NullLogger.Instance);
        var outcomes = await runner.EvaluateAllOnceAsync(CancellationToken.None);

        var broken = outcomes.Single(o => o.Check == "broken");
        Assert.Equal(CheckStatus.Unknown, broken.Result.Status);
        Assert.Contains("/proc/imaginary is gone", broken.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Ok, outcomes.Single(o => o.Check == "fine").Result.Status);
    }

    [Fact]
    public async Task The_latest_outcomes_replace_the_previous_ones_of_the_same_check()
    {
        var check = new CountingCheck("c", TimeSpan.FromSeconds(1));
        var runner = new CheckRunner([check], TimeProvider.System, NullLogger.Instance);
        await runner.EvaluateAllOnceAsync(CancellationToken.None);
        var second = await runner.EvaluateAllOnceAsync(CancellationToken.None);
        Assert.Equal(2, Assert.Single(second).Result.Value);
    }

    private sealed class CountingCheck(string name, TimeSpan interval) : ICheck
    {
        private int _count;

        public int Count => _count;

        public string Name => name;

        public Component Component => Component.System;

        public TimeSpan Interval => interval;

        public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
        {
            var count = Interlocked.Increment(ref _count);
            results.Add(new CheckOutcome(name, "", Component, CheckResult.Ok(count, "", "counted")));
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingCheck : ICheck
    {
        public string Name => "broken";

        public Component Component => Component.Storage;

        public TimeSpan Interval => TimeSpan.FromSeconds(1);

        public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken) =>
            throw new IOException("/proc/imaginary is gone");
    }

    /// <summary>Counts evaluations and lets a test await the Nth without sleeping.</summary>
    private sealed class EvaluationLog
    {
        private readonly object _gate = new();
        private readonly List<(int Target, TaskCompletionSource Done)> _waiters = [];
        private int _count;

        public EvaluationLog(CheckRunner runner) => runner.Evaluated += (_, _) =>
        {
            lock (_gate)
            {
                _count++;
                foreach (var waiter in _waiters.Where(w => w.Target <= _count))
                {
                    waiter.Done.TrySetResult();
                }
            }
        };

        public Task WaitForAsync(int target)
        {
            lock (_gate)
            {
                if (_count >= target)
                {
                    return Task.CompletedTask;
                }
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((target, done));
                return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
    }
}
