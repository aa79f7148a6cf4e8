namespace Warden.Aggregator.Notifications.Receivers;

/// <summary>The receiver kinds, in one explicit list.</summary>
internal static class ReceiverFactory
{
    public static INotificationReceiver Create(ReceiverOptions options) => options switch
    {
        { Webhook: { } webhook } => new WebhookReceiver(webhook),
        { Exec: { } exec } => new ExecReceiver(exec),
        { Smtp: { } smtp } => new SmtpReceiver(smtp),
        _ => throw new ArgumentException("a receiver needs one of Webhook, Exec or Smtp (the validator should have said so)", nameof(options)),
    };
}
