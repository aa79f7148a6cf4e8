using System.Globalization;
using System.Text.Json;
using Warden.Agent.Configuration;
using Warden.Agent.State;

namespace Warden.Agent.Commands;

/// <summary>
/// `warden-agent status [--json]`: what the running agent last said of itself (STATE/status.json,
/// rewritten every ship interval). Exit codes: 0 running and connected to an aggregator, 1 running
/// but not connected, 3 not running (no status, or none written for three ship intervals).
/// </summary>
internal static class StatusCommand
{
    public const int ExitDisconnected = 1;
    public const int ExitNotRunning = 3;

    public static int Run(AgentOptions options, bool json, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        if (StatusFile.Read(options.StateDirectory, out var problem) is not { } status)
        {
            error.WriteLine($"warden-agent: not running: {problem}");
            return ExitNotRunning;
        }
        var stale = status.IsStale(now);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(status, AgentStatusJsonContext.Default.AgentStatus));
        }
        else
        {
            output.Write(Describe(status, now, stale));
        }
        return stale ? ExitNotRunning : status.Aggregator.Connected ? 0 : ExitDisconnected;
    }

    internal static string Describe(AgentStatus s, DateTimeOffset now, bool stale)
    {
        var c = CultureInfo.InvariantCulture;
        var age = Age(now - s.WrittenAt);
        var state = stale ? $"NOT RUNNING (last status {age} ago, pid {s.Pid})" : $"running (status {age} ago, pid {s.Pid}, up {Age(now - s.StartedAt)})";
        var link = s.Aggregator;
        var since = link.Since is { } t ? $" since {t.ToString("yyyy-MM-ddTHH:mm:ssK", c)}" : "";
        var linkText = link.Endpoint.Length == 0 ? "not connected yet"
            : $"{link.Endpoint} {(link.Connected ? "connected" : "NOT connected")}{since}";
        var lastError = link.LastError is null ? "" : $"; last error: {link.LastError}";
        var health = s.Score is { } score
            ? string.Create(c, $"{score:0} {Checks.HostHealth.Band(score)}, worst {s.WorstComponent} ({string.Join(", ", s.Components.Select(kv => $"{kv.Key} {kv.Value}"))})")
            : "no data yet";
        return string.Create(c, $"""
            warden-agent {s.Version} on {s.Host}: {state}
              aggregator    {linkText} ({link.Reconnects} reconnects{lastError})
              spool         {s.Spool.Records} records, {s.Spool.Bytes / 1024.0:0.#} KiB, oldest unacknowledged {s.Spool.OldestUnackedSeconds:0} s, {s.Spool.DroppedTotal} dropped, {s.Spool.CorruptSegmentsTotal} corrupt segments
              acknowledged  up to sequence {s.LastAcknowledged}
              heals         {HealText(s, now)}
              health        {health}

            """);
    }

    private static string HealText(AgentStatus s, DateTimeOffset now)
    {
        var h = s.Heals;
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{h.Started} runs, {h.Succeeded} succeeded, {h.Failed} failed, {h.TimedOut} timed out, {h.Exhausted} exhausted");
        return s.LastHeal is { } last
            ? $"{counts}; last {Age(now - last.At)} ago: {last.Check} {last.Action} {last.Outcome}"
            : $"{counts}; none since start";
    }

    private static string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 0 => "0s",
        < 120 => $"{age.TotalSeconds:0}s",
        < 7200 => $"{age.TotalMinutes:0}m",
        < 172800 => $"{age.TotalHours:0}h",
        _ => $"{age.TotalDays:0}d",
    };
}
