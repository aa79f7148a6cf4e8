using Warden.Aggregator.Notifications;
using Warden.Aggregator.Notifications.Receivers;

namespace Warden.Aggregator.Tests.Notifications.Receivers;

public sealed class SmtpReceiverTests
{
    [Fact]
    public async Task A_group_is_mailed_through_the_relay_with_the_subject_template_filled_in()
    {
        await using var relay = new LoopbackSmtpServer();
        using var receiver = new SmtpReceiver(Options(relay.Port, subject: "[{receiver}] {status} {severity} x{count}: {title} / {group}"));

        await receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None);
        var mail = await relay.NextAsync();

        Assert.Equal("<warden@site.test>", mail.From);
        Assert.Equal(["<ops@site.test>", "<storage@site.test>"], mail.To);
        Assert.Equal("[ops] FIRING P1 x3: disk_space failing on host-a (+2 more) / check=disk_space", mail.Header("Subject"));
        Assert.Contains("2 firing, 1 resolved; group check=disk_space", mail.Body, StringComparison.Ordinal);
        Assert.Contains("4 more notices were dropped", mail.Body, StringComparison.Ordinal);
        Assert.Contains("[RESOLVED] P3 disk_space failing on host-c", mail.Body, StringComparison.Ordinal);
        Assert.Contains("hosts: host-b", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_that_refuses_the_sender_is_a_failure_naming_the_relay_and_its_answer()
    {
        await using var relay = new LoopbackSmtpServer { RefuseMail = true };
        using var receiver = new SmtpReceiver(Options(relay.Port));

        var e = await Assert.ThrowsAsync<ReceiverFailedException>(() => receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None));

        Assert.Contains($"127.0.0.1:{relay.Port} refused the mail", e.Message, StringComparison.Ordinal);
        Assert.Contains("relaying denied", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_against_a_relay_that_does_not_offer_it_fails_instead_of_sending_in_the_clear()
    {
        await using var relay = new LoopbackSmtpServer();
        var options = Options(relay.Port);
        options.StartTls = true;
        using var receiver = new SmtpReceiver(options);

        await Assert.ThrowsAsync<ReceiverFailedException>(() => receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None));
    }

    private static SmtpReceiverOptions Options(int port, string? subject = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        From = "warden@site.test",
        To = ["ops@site.test", "storage@site.test"],
        Subject = subject ?? new SmtpReceiverOptions().Subject,
    };
}
