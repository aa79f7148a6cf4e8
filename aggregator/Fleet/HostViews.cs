using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Fleet;

/// <summary>Turns a registry entry into what operators see: the host summary and its check states.</summary>
internal static class HostViews
{
    private const string ScorePrefix = "score.";
    private const string HostScore = "score.host";

    public static HostSummary Summary(HostEntry entry)
    {
        var h = entry.Stored;
        var summary = new HostSummary
        {
            Host = h.Id,
            MachineId = h.MachineId,
            AgentVersion = h.AgentVersion,
            FirstSeen = Timestamp.FromDateTime(DateTime.SpecifyKind(h.FirstSeen, DateTimeKind.Utc)),
            LastSeen = Timestamp.FromDateTime(DateTime.SpecifyKind(h.LastSeen, DateTimeKind.Utc)),
            Connected = entry.Streams > 0,
            LastSequence = (ulong)h.LastSequence,
            CpuCount = (uint)h.CpuCount,
            Kernel = h.Kernel,
            Liveness = ToProto(entry.Liveness),
            Checks = new CheckCounts(),
            Heals = new HealCounts
            {
                Started = (ulong)h.Heals.Started,
                Succeeded = (ulong)h.Heals.Succeeded,
                Failed = (ulong)h.Heals.Failed,
                TimedOut = (ulong)h.Heals.TimedOut,
                Exhausted = (ulong)h.Heals.Exhausted,
            },
        };
        foreach (var r in h.Latest)
        {
            summary.Latest.Add(new Reading { Name = r.Name, Subject = r.Subject, Last = r.Last, Min = r.Min, Max = r.Max, Count = (uint)r.Count });
            AddScore(summary, r);
        }
        foreach (var check in entry.Checks.Values)
        {
            Count(summary.Checks, EffectiveState(entry, check));
        }
        return summary;
    }

    public static List<HostCheckState> Checks(HostEntry entry) =>
        entry.Checks.Values
            .OrderBy(c => c.Component, StringComparer.Ordinal).ThenBy(c => c.Check, StringComparer.Ordinal)
            .Select(c => new HostCheckState
            {
                Component = c.Component,
                Check = c.Check,
                State = EffectiveState(entry, c),
                ReportedState = (CheckState)c.State,
                StateType = (StateType)c.StateType,
                Value = c.Value,
                Threshold = c.Threshold,
                Attempt = (uint)c.Attempt,
                MaxAttempts = (uint)c.MaxAttempts,
                Reason = entry.Liveness == HostLiveness.Online ? c.Reason
                    : $"host {entry.Liveness.ToString().ToLowerInvariant()}: nothing heard since {entry.LastHeard:yyyy-MM-ddTHH:mm:ssZ} (last reported: {c.Reason})",
                Since = Timestamp.FromDateTime(DateTime.SpecifyKind(c.Since, DateTimeKind.Utc)),
            })
            .ToList();

    /// <summary>A silent host's checks are UNKNOWN: no data is never recovery and never failure (DESIGN.md).</summary>
    private static CheckState EffectiveState(HostEntry entry, StoredCheck check) =>
        entry.Liveness == HostLiveness.Online ? (CheckState)check.State : CheckState.Unknown;

    private static void AddScore(HostSummary summary, StoredReading r)
    {
        if (r.Count == 0 || !r.Name.StartsWith(ScorePrefix, StringComparison.Ordinal))
        {
            return;
        }
        if (r.Name == HostScore)
        {
            summary.Score = r.Last;
            return;
        }
        var component = r.Name[ScorePrefix.Length..];
        summary.Components.Add(new ComponentScore { Component = component, Score = r.Last });
        if (!summary.HasWorstComponentScore || r.Last < summary.WorstComponentScore)
        {
            summary.WorstComponent = component;
            summary.WorstComponentScore = r.Last;
        }
    }

    private static void Count(CheckCounts counts, CheckState state)
    {
        switch (state)
        {
            case CheckState.Ok: counts.Ok++; break;
            case CheckState.Warn: counts.Warn++; break;
            case CheckState.Crit: counts.Crit++; break;
            default: counts.Unknown++; break;
        }
    }

    public static HostLivenessState ToProto(HostLiveness liveness) => liveness switch
    {
        HostLiveness.Online => HostLivenessState.Online,
        HostLiveness.Silent => HostLivenessState.Silent,
        _ => HostLivenessState.Offline,
    };
}
