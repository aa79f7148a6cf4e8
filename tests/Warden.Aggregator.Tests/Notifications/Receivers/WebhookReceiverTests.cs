using Warden.Aggregator.Notifications;
using Warden.Aggregator.Notifications.Receivers;

namespace Warden.Aggregator.Tests.Notifications.Receivers;

public sealed class WebhookReceiverTests
{
    [Fact]
    public async Task The_document_is_posted_as_json_with_the_configured_headers()
    {
        await using var hook = await LoopbackWebhook.StartAsync();
        using var receiver = new WebhookReceiver(new WebhookReceiverOptions { Url = hook.Url.ToString(), Headers = new() { ["Authorization"] = "Bearer s3cret" } });

        await receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None);
        var request = await hook.NextAsync();

        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("Bearer s3cret", request.Authorization);
        Assert.Equal(["a", "b", "c"], request.IncidentIds);
    }

    [Fact]
    public async Task A_status_outside_2xx_is_a_failure_with_the_status_and_the_answer()
    {
        await using var hook = await LoopbackWebhook.StartAsync(502);
        using var receiver = new WebhookReceiver(new WebhookReceiverOptions { Url = hook.Url.ToString() });

        var e = await Assert.ThrowsAsync<ReceiverFailedException>(() => receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None));

        Assert.Contains("answered HTTP 502 Bad Gateway: receiver is having a bad day", e.Message, StringComparison.Ordinal);
    }
}
