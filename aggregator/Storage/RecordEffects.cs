using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// What a record does to its host's stored state: identity from a Hello, latest readings and the
/// shipping interval from a sample batch, check states and heal counters from an event batch.
/// </summary>
internal static class RecordEffects
{
    public static void ApplyHello(StoredHost host, Hello hello, DateTime now)
    {
        host.MachineId = hello.MachineId;
        host.AgentVersion = hello.AgentVersion;
        host.Kernel = hello.Kernel;
        host.CpuCount = (int)hello.CpuCount;
        host.LastSeen = now;
    }

    public static void ApplySamples(StoredHost host, SampleBatch batch, DateTime now)
    {
        if (ApplyReceipt(host, (long)batch.Sequence, now, batch.WindowStart?.ToDateTime(), batch.WindowEnd?.ToDateTime()))
        {
            host.Latest = Latest(batch.Readings, host.Latest);
        }
    }

    /// <summary>
    /// What a sample batch does besides its readings: last seen, last sequence, shipping interval.
    /// Returns whether the batch is the host's newest, so that its readings become the latest.
    /// </summary>
    public static bool ApplyReceipt(StoredHost host, long sequence, DateTime now, DateTime? windowStart, DateTime? windowEnd)
    {
        // The latest receipt wins, also when pages are replayed over a host document written after them.
        host.LastSeen = now > host.LastSeen ? now : host.LastSeen;
        if (sequence <= host.LastSequence)
        {
            return false; // a resent older batch must not overwrite newer readings
        }
        host.LastSequence = sequence;
        if (windowStart is { } start && windowEnd is { } end)
        {
            var seconds = (end - start).TotalSeconds;
            // A collect-now window is shorter than the interval; only a longer window can correct it down.
            if (seconds > 0 && (host.ShipIntervalSeconds == 0 || seconds > host.ShipIntervalSeconds * 0.8))
            {
                host.ShipIntervalSeconds = seconds;
            }
        }
        return true;
    }

    /// <summary>Applies the batch's events; <paramref name="check"/> returns the stored state of a check (creating it).</summary>
    public static void ApplyEvents(StoredHost host, EventBatch batch, DateTime now, Func<string, StoredCheck> check)
    {
        host.LastSeen = now;
        host.LastSequence = Math.Max(host.LastSequence, (long)batch.Sequence);
        foreach (var e in batch.Events)
        {
            switch (e.BodyCase)
            {
                case Event.BodyOneofCase.CheckTransition:
                    ApplyTransition(check(e.CheckTransition.Check), e.CheckTransition, e.At is { } at ? AsStored(at.ToDateTime()) : now);
                    break;
                case Event.BodyOneofCase.Heal:
                    Count(host.Heals, e.Heal.Outcome);
                    break;
            }
        }
    }

    private static void ApplyTransition(StoredCheck stored, CheckTransition t, DateTime at)
    {
        // Events of one check arrive in sequence order, except a resend after a reconnect: keep the newest.
        if (at < stored.Since)
        {
            return;
        }
        stored.Component = t.Component;
        stored.State = (int)t.ToState;
        stored.StateType = (int)t.StateType;
        stored.Attempt = (int)t.Attempt;
        stored.MaxAttempts = (int)t.MaxAttempts;
        stored.Value = t.Value;
        stored.Threshold = t.Threshold;
        stored.Reason = t.Reason;
        stored.Since = at;
    }

    private static void Count(HealCounters heals, HealOutcome outcome)
    {
        switch (outcome)
        {
            case HealOutcome.Started: heals.Started++; break;
            case HealOutcome.Succeeded: heals.Succeeded++; break;
            case HealOutcome.Failed: heals.Failed++; break;
            case HealOutcome.TimedOut: heals.TimedOut++; break;
            case HealOutcome.Exhausted: heals.Exhausted++; break;
        }
    }

    /// <summary>A time as LiteDB keeps it (milliseconds), so the live view equals what a restart reads back.</summary>
    public static DateTime AsStored(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>
    /// The batch's readings as the host's latest. Names and subjects are the previous latest's
    /// strings where they match (an agent sends the same readings in the same order every batch):
    /// the latest lives until the host's next batch, long enough to reach the oldest generation, and
    /// 5,000 hosts replace 500 of them a second, so every byte of it is gen2 garbage later.
    /// </summary>
    public static List<StoredReading> Latest(IReadOnlyList<Reading> readings, IReadOnlyList<StoredReading> previous)
    {
        var latest = new List<StoredReading>(readings.Count);
        for (var i = 0; i < readings.Count; i++)
        {
            var stored = ToStored(readings[i]);
            if (i < previous.Count)
            {
                stored.Name = Shared(stored.Name, previous[i].Name);
                stored.Subject = Shared(stored.Subject, previous[i].Subject);
            }
            latest.Add(stored);
        }
        return latest;
    }

    private static string Shared(string fresh, string held) => string.Equals(fresh, held, StringComparison.Ordinal) ? held : fresh;

    public static StoredReading ToStored(Reading r) => new()
    {
        Name = r.Name,
        Subject = r.Subject,
        Last = r.Last,
        Min = r.Min,
        Max = r.Max,
        Count = r.Count,
    };
}
