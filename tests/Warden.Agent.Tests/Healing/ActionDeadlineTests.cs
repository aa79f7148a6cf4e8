using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Healing;

namespace Warden.Agent.Tests.Healing;

public sealed class ActionDeadlineTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Work_that_does_not_finish_by_the_timeout_is_TIMED_OUT_even_when_it_ignores_its_token()
    {
        var never = new TaskCompletionSource<string>();
        var run = ActionDeadline.RunAsync(_ => never.Task, TimeSpan.FromSeconds(10), _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(run.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(new HealActionResult(true, "gave up after 10 s"), await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Work_that_finishes_in_time_reports_its_detail()
    {
        var result = await ActionDeadline.RunAsync(_ => Task.FromResult("done"), TimeSpan.FromSeconds(10), _time, CancellationToken.None);
        Assert.Equal(new HealActionResult(false, "done"), result);
    }

    [Fact]
    public async Task Agent_shutdown_is_not_a_timeout()
    {
        using var stopping = new CancellationTokenSource();
        var run = ActionDeadline.RunAsync(token => Task.Delay(Timeout.InfiniteTimeSpan, token).ContinueWith(_ => "", TaskScheduler.Default),
            TimeSpan.FromSeconds(10), _time, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
