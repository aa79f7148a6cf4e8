using System.Text.Json;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Tests.Notifications.Receivers;

namespace Warden.Aggregator.Tests.Notifications;

/// <summary>The webhook/exec document is a published schema (README "Notifications"): its field names may only grow.</summary>
public sealed class NotificationDocumentTests
{
    [Fact]
    public void The_document_has_exactly_the_documented_fields_of_schema_version_1()
    {
        using var document = JsonDocument.Parse(NotificationDocument.Serialize(ReceiverTestMessages.Group()));
        var root = document.RootElement;
        var notice = root.GetProperty("notices")[2];

        Assert.Equal(["version", "receiver", "groupKey", "groupLabels", "status", "repeat", "sentAt", "counts", "notices"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["firing", "resolved", "dropped"], root.GetProperty("counts").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["incidentId", "fingerprint", "kind", "severity", "title", "summary", "hosts", "labels", "openedAt", "at", "resolvedAt"],
            notice.EnumerateObject().Select(p => p.Name));
        Assert.Equal("resolved", notice.GetProperty("kind").GetString());
        Assert.Equal("2026-11-23T04:00:30+00:00", root.GetProperty("sentAt").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("notices")[0].GetProperty("resolvedAt").ValueKind);
    }
}
