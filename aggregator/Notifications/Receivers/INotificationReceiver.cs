namespace Warden.Aggregator.Notifications.Receivers;

/// <summary>Delivers one message per call; a failure throws, naming the reason.</summary>
internal interface INotificationReceiver : IDisposable
{
    /// <summary>webhook, exec or smtp: for the log.</summary>
    string Kind { get; }

    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}

/// <summary>The receiver answered but refused: non-2xx status, non-zero exit.</summary>
internal sealed class ReceiverFailedException(string reason) : Exception(reason);
