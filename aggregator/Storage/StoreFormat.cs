using LiteDB;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The storage format of the site's file, kept in one document beside the data. Format 3 writes
/// sample pages of receipts without readings (SamplePage) and host documents lazily (HostState).
/// It opens files of format 2 (pages of wire batches, lazy hosts) and format 1 (the same pages,
/// host documents written with every commit): their pages after the last host flush are replayed
/// with their readings, the format document is rewritten as format 3, and the old pages stay
/// readable beside the new ones until retention deletes them by age.
/// </summary>
internal static class StoreFormat
{
    public const int Current = 3;
    private const int Oldest = 2; // a format document first appeared in format 2
    private const string Collection = "store_meta";
    private const string FormatId = "format";

    /// <summary>
    /// The last sample page whose effects the stored host documents hold. A file without the
    /// document is new or of format 1: every page it has is in its hosts already.
    /// </summary>
    /// <exception cref="StoreFormatException">A newer or unknown format, or a damaged format document.</exception>
    public static long HostsThroughPage(LiteDatabase db, string path)
    {
        var doc = db.GetCollection(Collection).FindById(FormatId);
        if (doc is null)
        {
            var last = db.GetCollection("sample_pages").Query().OrderByDescending("_id").Select("_id").FirstOrDefault();
            return last?["_id"] is { IsNumber: true } id ? id.AsInt64 : 0;
        }
        var version = doc["Version"];
        if (!version.IsInt32 || version.AsInt32 < Oldest || version.AsInt32 > Current)
        {
            throw new StoreFormatException($"database {path} has storage format {version}, and this aggregator reads formats 1 to {Current}: "
                + "run the aggregator version that wrote it, or restore a backup this version made");
        }
        var mark = doc["HostsThroughPage"];
        if (!mark.IsNumber || mark.AsInt64 < 0)
        {
            throw new StoreFormatException($"database {path}: its format document has HostsThroughPage {mark}, not a page number; restore a backup");
        }
        return mark.AsInt64;
    }

    /// <summary>Records (in the caller's transaction) that the host documents hold every page up to <paramref name="page"/>.</summary>
    public static void SetHostsThroughPage(LiteDatabase db, long page) =>
        db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = FormatId, ["Version"] = Current, ["HostsThroughPage"] = page });
}
