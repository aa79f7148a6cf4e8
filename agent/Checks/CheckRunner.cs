using Microsoft.Extensions.Logging;

namespace Warden.Agent.Checks;

/// <summary>
/// Evaluates every check on its own interval, each in its own loop so a slow probe never delays a
/// cheap /proc check, and keeps each check's latest outcomes. A check that throws yields UNKNOWN
/// with the error as its reason and keeps its schedule: one failing check never stops the others.
/// </summary>
internal sealed class CheckRunner : IDisposable
{
    private readonly IReadOnlyList<ICheck> _checks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<CheckOutcome>> _latest = new(StringComparer.Ordinal);

    // One spare list per check: an evaluation fills the spare, then swaps it with the published one,
    // so the steady state allocates no lists. Only the check's own loop evaluates it, one at a time.
    private readonly Dictionary<string, List<CheckOutcome>> _spare = new(StringComparer.Ordinal);

    public CheckRunner(IReadOnlyList<ICheck> checks, TimeProvider time, ILogger logger)
    {
        _checks = checks;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyList<ICheck> Checks => _checks;

    /// <summary>Raised after each evaluation with the check's new outcomes.</summary>
    public event Action<ICheck, IReadOnlyList<CheckOutcome>>? Evaluated;

    /// <summary>The latest outcome of every check, in registration order.</summary>
    public List<CheckOutcome> Latest()
    {
        lock (_gate)
        {
            var all = new List<CheckOutcome>();
            foreach (var check in _checks)
            {
                if (_latest.TryGetValue(check.Name, out var outcomes))
                {
                    all.AddRange(outcomes);
                }
            }
            return all;
        }
    }

    /// <summary>Runs every check's loop until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_checks.Select(check => Task.Run(() => LoopAsync(check, cancellationToken), CancellationToken.None)));

    /// <summary>Evaluates every check once, concurrently, and returns all outcomes.</summary>
    public async Task<List<CheckOutcome>> EvaluateAllOnceAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_checks.Select(check => EvaluateAsync(check, cancellationToken)));
        return Latest();
    }

    private async Task LoopAsync(ICheck check, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(check.Interval, _time);
        try
        {
            do
            {
                await EvaluateAsync(check, cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Checks that hold kernel files, clients or processes release them here.</summary>
    public void Dispose()
    {
        foreach (var check in _checks.OfType<IDisposable>())
        {
            check.Dispose();
        }
    }

    internal async Task EvaluateAsync(ICheck check, CancellationToken cancellationToken)
    {
        List<CheckOutcome> outcomes;
        lock (_gate)
        {
            if (_spare.Remove(check.Name, out var spare))
            {
                outcomes = spare;
                outcomes.Clear();
            }
            else
            {
                outcomes = [];
            }
        }
        try
        {
            await check.EvaluateAsync(outcomes, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CheckFailed(_logger, check.Name, e.Message);
            outcomes.Clear();
            outcomes.Add(new CheckOutcome(check.Name, "", check.Component, CheckResult.Unknown($"the check failed: {e.Message}")));
        }
        lock (_gate)
        {
            if (_latest.Remove(check.Name, out var previous))
            {
                _spare[check.Name] = previous;
            }
            _latest[check.Name] = outcomes;
        }
        Evaluated?.Invoke(check, outcomes);
    }
}
