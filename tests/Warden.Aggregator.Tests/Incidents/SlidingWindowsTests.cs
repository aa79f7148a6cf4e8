using Warden.Aggregator.Incidents;

namespace Warden.Aggregator.Tests.Incidents;

/// <summary>The engine's sliding windows hold nothing for a host or check once its changes fell out of the window.</summary>
public sealed class SlidingWindowsTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_flap_tracker_forgets_checks_whose_changes_all_left_the_window()
    {
        var flaps = new FlapTracker(TimeSpan.FromMinutes(10), changes: 3);
        for (var i = 0; i < 1000; i++)
        {
            flaps.Changed($"vm-{i:D4}", "service_unit:web", T0); // ephemeral hosts, each changing once
        }
        flaps.Changed("web-01", "disk_space:/var", T0.AddMinutes(5));
        flaps.Changed("web-01", "disk_space:/var", T0.AddMinutes(6));
        Assert.Equal(1001, flaps.Tracked);

        flaps.Forget(T0.AddMinutes(10)); // the first changes are exactly a window old: out
        Assert.Equal(1, flaps.Tracked);
        Assert.Equal(2, flaps.ChangesIn("web-01", "disk_space:/var", T0.AddMinutes(10)));

        flaps.Forget(T0.AddMinutes(16));
        Assert.Equal(0, flaps.Tracked);
    }

    [Fact]
    public void The_host_window_forgets_hosts_seen_before_the_window_and_empty_keys()
    {
        var window = new HostWindow(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 500; i++)
        {
            window.Add($"fleet|check-{i}", "web-01", T0);
        }
        window.Add("fleet|disk_space:/var", "web-02", T0.AddMinutes(1));
        Assert.Equal(501, window.Keys);

        window.Forget(T0.AddMinutes(2));
        Assert.Equal(1, window.Keys);
        Assert.Equal(["web-02"], window.Within("fleet|disk_space:/var", T0.AddMinutes(2)));
    }

    [Fact]
    public void A_long_incident_keeps_its_lifecycle_and_the_latest_chatter_within_the_timeline_bound()
    {
        var incident = new Incident();
        incident.Note(T0, "detected", "web-01", "first failure");
        incident.Note(T0, "classified", "warden", "rule disk-critical -> P1");
        for (var i = 1; i <= 2000; i++)
        {
            incident.Note(T0.AddMinutes(i), i % 2 == 0 ? "recovered" : "detected", "web-01", $"flip {i}");
            if (i % 400 == 0)
            {
                incident.Note(T0.AddMinutes(i), "escalated", "warden", $"level {i / 400}");
            }
        }

        Assert.Equal(Incident.MaxTimeline, incident.Timeline.Count);
        Assert.Equal("first failure", incident.Timeline[0].Text);
        Assert.Equal(6, incident.Timeline.Count(e => e.Kind is "classified" or "escalated"));
        Assert.Equal("flip 2000", incident.Timeline.Last(e => e.Kind != "escalated").Text);
        Assert.Equal(2007 - Incident.MaxTimeline, incident.Evidence.Counters["timeline_trimmed"]);
        Assert.Equal(incident.Timeline.OrderBy(e => e.At).Select(e => e.Text), incident.Timeline.Select(e => e.Text));
    }
}
