namespace Warden.Tui.Model;

internal enum FeedStatus
{
    /// <summary>First connection: no snapshot yet.</summary>
    Connecting,

    /// <summary>Snapshot received and the stream is open.</summary>
    Live,

    /// <summary>The stream dropped; what is shown is the last known state.</summary>
    Reconnecting,
}
