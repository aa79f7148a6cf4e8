namespace Warden.Aggregator.Storage;

/// <summary>
/// The database holds something this aggregator cannot read: a newer storage format, an unknown
/// encoding or a damaged document. Nothing is changed or dropped; the message says what and where.
/// </summary>
public sealed class StoreFormatException : IOException
{
    public StoreFormatException(string message)
        : base(message)
    {
    }

    public StoreFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
