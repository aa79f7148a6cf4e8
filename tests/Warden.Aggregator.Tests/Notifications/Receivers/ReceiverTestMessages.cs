using Warden.Aggregator.Notifications;
using static Warden.Aggregator.Tests.Notifications.NotificationTestBed;

namespace Warden.Aggregator.Tests.Notifications.Receivers;

internal static class ReceiverTestMessages
{
    /// <summary>A group of two firing incidents and one resolved, as a flush would make it.</summary>
    public static NotificationMessage Group() => new(
        "0/ops/check=disk_space",
        0,
        "ops",
        new Dictionary<string, string> { ["check"] = "disk_space" },
        [Notice("a", severity: "P2"), Notice("b", severity: "P1"), Notice("c", NoticeKind.Resolved, "P3")],
        Repeat: false,
        Dropped: 4,
        Start + TimeSpan.FromSeconds(30));
}
