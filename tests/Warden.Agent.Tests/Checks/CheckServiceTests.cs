using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Spool;
using Warden.Agent.State;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Checks;

public sealed class CheckServiceTests : IDisposable
{
    private readonly ScratchDirectory _dir = TestTrees.Scratch();
    private readonly SequenceCounter _counter;
    private readonly RecordSpool _spool;
    private readonly PendingRecords _pending;
    private readonly CheckService _service;

    public CheckServiceTests()
    {
        _counter = SequenceCounter.Open(_dir.Path);
        _counter.EnsureAbove(0);
        _spool = RecordSpool.Open(Path.Combine(_dir.Path, "spool"), new SpoolOptions(), new FakeTimeProvider());
        _pending = new PendingRecords(_counter, _spool, 1 << 20);
        var runner = new CheckRunner([], new FakeTimeProvider(), NullLogger.Instance);
        _service = new CheckService(runner, _pending, new AgentOptions(), new FakeTimeProvider(), NullLogger<CheckService>.Instance);
    }

    [Fact]
    public void Transitions_become_one_event_batch_per_evaluation_and_steady_states_send_nothing()
    {
        _service.Judge([Disk("/var", CheckStatus.Crit), Disk("/", CheckStatus.Ok)]);
        _service.Judge([Disk("/var", CheckStatus.Crit), Disk("/", CheckStatus.Ok)]);
        _service.Judge([Disk("/var", CheckStatus.Crit), Disk("/", CheckStatus.Ok)]);

        var events = _pending.NumberedAfter(0).Select(r => r.Events).ToList();
        Assert.Equal(2, events.Count); // SOFT CRIT at the first result, HARD CRIT at the third
        var soft = Assert.Single(events[0].Events).CheckTransition;
        Assert.Equal(("disk_space:/var", "storage", CheckState.Ok, CheckState.Crit, StateType.Soft, 1u, 3u),
            (soft.Check, soft.Component, soft.FromState, soft.ToState, soft.StateType, soft.Attempt, soft.MaxAttempts));
        Assert.Equal("97 % used", soft.Reason);
        Assert.Equal(97, soft.Value);
        var hard = Assert.Single(events[1].Events).CheckTransition;
        Assert.Equal((StateType.Hard, 3u), (hard.StateType, hard.Attempt));
    }

    private static CheckOutcome Disk(string mount, CheckStatus status) =>
        new("disk_space", mount, Component.Storage, new CheckResult(status, 97, "warn ≥ 85 %, crit ≥ 95 %", "97 % used"));

    public void Dispose()
    {
        _spool.Dispose();
        _counter.Dispose();
        _dir.Dispose();
    }
}
