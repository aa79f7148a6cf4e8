using LiteDB;
using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>Reads of the stored event batches ("events": one document per batch, id "host/sequence") for reports.</summary>
internal static class EventHistory
{
    /// <summary>
    /// Walks the host's primary key newest first and stops at the first batch received before the
    /// cutoff: a host's records are stored in sequence order, so a period costs what it holds, not
    /// the host's whole history.
    /// </summary>
    public static IReadOnlyList<EventBatch> ReceivedSince(LiteDatabase db, string host, DateTimeOffset since)
    {
        var (first, last) = StoredBatch.RangeOf(host);
        var newestFirst = db.GetCollection("events").Query()
            .Where(Query.Between("_id", first, last))
            .OrderByDescending("_id")
            .ToEnumerable()
            .TakeWhile(d => d["ReceivedAt"].AsDateTime >= since.UtcDateTime)
            .Select(d => EventBatch.Parser.ParseFrom(d["Payload"].AsBinary))
            .ToList();
        newestFirst.Reverse();
        return newestFirst;
    }
}
