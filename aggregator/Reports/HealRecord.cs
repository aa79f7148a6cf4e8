using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Reports;

/// <summary>One judged heal outcome from a host's stored event batches.</summary>
public readonly record struct HealRecord(string Host, string Check, DateTime At, HealOutcome Outcome)
{
    /// <summary>Every judged outcome (not STARTED) stored for the hosts, oldest first.</summary>
    public static IReadOnlyList<HealRecord> Load(ISiteStore site, IEnumerable<string> hosts)
    {
        var heals = new List<HealRecord>();
        foreach (var host in hosts)
        {
            foreach (var ev in site.Events(host).SelectMany(b => b.Events))
            {
                if (ev.Heal is { } heal && heal.Outcome is not (HealOutcome.Started or HealOutcome.Unspecified) && ev.At is { } at)
                {
                    heals.Add(new HealRecord(host, heal.Check, at.ToDateTime(), heal.Outcome));
                }
            }
        }

        return heals.OrderBy(h => h.At).ToList();
    }
}
