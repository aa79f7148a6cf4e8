using Microsoft.Extensions.Logging;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Healing;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.State;

/// <summary>Writes STATE/status.json each time a window is shipped, for `warden-agent status`.</summary>
internal sealed class StatusReporter(AgentOptions options, AgentIdentity identity, LinkStatus link, Healer healer, ILogger<StatusReporter> logger)
{
    private string? _lastProblem;

    /// <summary>The agent's own figures that are not the spool's: reconnects and healing (agent.* and heal.budget_* readings).</summary>
    public void AddReadings(SampleBatch batch, DateTimeOffset now)
    {
        double reconnects = link.Snapshot().Reconnects;
        batch.Readings.Add(new Reading { Name = "agent.reconnects_total", Last = reconnects, Min = reconnects, Max = reconnects, Count = 1 });
        healer.Ledger.AddTo(batch, now);
        healer.AddBudgetsTo(batch, now);
    }

    public void Write(DateTimeOffset now, HostHealth health, SpoolHealth spool, ulong lastAcknowledged)
    {
        var (healCounts, lastHeal) = healer.Ledger.Snapshot();
        var status = new AgentStatus(identity.Host, AgentIdentity.Version, Environment.ProcessId, identity.Started, now,
            options.Sampling.ShipIntervalSeconds, link.Snapshot(), spool, lastAcknowledged, health.Score,
            health.Worst is { } worst ? CheckNames.Of(worst) : null,
            health.Components.ToDictionary(c => CheckNames.Of(c.Key), c => c.Value, StringComparer.Ordinal), healCounts, lastHeal);
        try
        {
            StatusFile.Write(options.StateDirectory, status);
            _lastProblem = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Once per distinct problem: a full disk must not fill the journal too.
            if (e.Message != _lastProblem)
            {
                Log.StatusNotWritten(logger, options.StateDirectory, e.Message);
                _lastProblem = e.Message;
            }
        }
    }
}
