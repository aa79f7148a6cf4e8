using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warden.Agent.Configuration;
using Warden.Agent.Healing;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.Checks;

/// <summary>
/// Runs the checks, keeps a SOFT/HARD state machine per check subject, and sends every transition
/// to the aggregator at once as an event (not at the end of the shipping interval). Every result
/// also goes to the Healer, which heals a check on its transition to HARD.
/// </summary>
internal sealed class CheckService : BackgroundService
{
    private readonly CheckRunner _runner;
    private readonly PendingRecords _pending;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckService> _logger;
    private readonly int _maxAttempts;
    // The check's interval when Judge is called without one (tests); a runner passes the real one.
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    // Keyed by (check, subject) rather than "check:subject" so a lookup builds no string.
    private readonly Dictionary<(string Check, string Subject), CheckStateMachine> _machines = [];

    public CheckService(CheckRunner runner, PendingRecords pending, AgentOptions options, TimeProvider time, ILogger<CheckService> logger)
    {
        _runner = runner;
        _pending = pending;
        _time = time;
        _logger = logger;
        _maxAttempts = options.Checks.MaxAttempts;
        Healer = new Healer(options.Checks, options.Paths, pending, time, logger);
        _runner.Evaluated += (check, outcomes) => Judge(outcomes, check.Interval);
    }

    internal Healer Healer { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = stoppingToken.Register(Healer.Stop);
        await _runner.RunAsync(stoppingToken);
    }

    internal void Judge(IReadOnlyList<CheckOutcome> outcomes, TimeSpan? interval = null)
    {
        EventBatch? batch = null;
        lock (_machines)
        {
            foreach (var outcome in outcomes)
            {
                var key = (outcome.Check, outcome.Subject);
                if (!_machines.TryGetValue(key, out var machine))
                {
                    _machines[key] = machine = new CheckStateMachine(_maxAttempts);
                }
                var wasHard = machine.IsHard;
                var observed = machine.Observe(outcome.Result.Status);
                Healer.Observe(outcome, !wasHard && machine.IsHard, machine, interval ?? DefaultInterval);
                if (observed is not { } transition)
                {
                    continue;
                }
                Log.CheckChanged(_logger, outcome.Key, $"{(transition.Hard ? "HARD" : "SOFT")} {CheckNames.Of(transition.To)}", outcome.Result.Reason);
                batch ??= new EventBatch();
                batch.Events.Add(new Event
                {
                    At = Timestamp.FromDateTimeOffset(_time.GetUtcNow()),
                    CheckTransition = ToWire(outcome, transition),
                });
            }
        }
        if (batch is not null)
        {
            _pending.Add(batch);
        }
    }

    private static CheckTransition ToWire(CheckOutcome outcome, CheckTransitionRecord t) => new()
    {
        Component = CheckNames.Of(outcome.Component),
        Check = outcome.Key,
        FromState = ToWire(t.From),
        ToState = ToWire(t.To),
        StateType = t.Hard ? StateType.Hard : StateType.Soft,
        Attempt = (uint)t.Attempt,
        MaxAttempts = (uint)t.MaxAttempts,
        Value = double.IsFinite(outcome.Result.Value) ? outcome.Result.Value : 0,
        Threshold = outcome.Result.Threshold,
        Reason = outcome.Result.Reason,
    };

    private static CheckState ToWire(CheckStatus status) => status switch
    {
        CheckStatus.Ok => CheckState.Ok,
        CheckStatus.Warn => CheckState.Warn,
        CheckStatus.Crit => CheckState.Crit,
        _ => CheckState.Unknown,
    };
}
