using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Reports;

/// <summary>One judged heal outcome from a host's stored event batches.</summary>
public readonly record struct HealRecord(string Host, string Check, DateTime At, HealOutcome Outcome)
{
    /// <summary>
    /// How far ahead of the aggregator's clock an agent's clock may run: an event stamped at T by
    /// its agent is looked for in batches received from T minus this on.
    /// </summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromHours(1);

    /// <summary>Every judged outcome (not STARTED) stored for the hosts and stamped at or after <paramref name="from"/>, oldest first.</summary>
    public static IReadOnlyList<HealRecord> Load(ISiteStore site, IEnumerable<string> hosts, DateTime from)
    {
        var heals = new List<HealRecord>();
        var received = new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)) - ClockSlack;
        foreach (var host in hosts)
        {
            foreach (var ev in site.EventsReceivedSince(host, received).SelectMany(b => b.Events))
            {
                if (ev.Heal is { } heal && heal.Outcome is not (HealOutcome.Started or HealOutcome.Unspecified) && ev.At is { } at && at.ToDateTime() >= from)
                {
                    heals.Add(new HealRecord(host, heal.Check, at.ToDateTime(), heal.Outcome));
                }
            }
        }

        return heals.OrderBy(h => h.At).ToList();
    }
}
