using LiteDB;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>Reads the aggregator's real LiteDB file directly, after the aggregator has stopped.</summary>
internal static class StoreFile
{
    public static List<long> SampleSequences(string databasePath, string host) => Samples(databasePath, host).Select(b => b.Sequence).ToList();

    /// <summary>Every record the host sent: sample batches and event batches share one sequence.</summary>
    public static List<long> RecordSequences(string databasePath, string host) =>
        [.. SampleSequences(databasePath, host), .. Sequences(databasePath, host, "events")];

    /// <summary>The host's sample batches (receipts: host, sequence, received, window), from the pages the aggregator writes one per commit.</summary>
    private static List<Warden.Aggregator.Storage.StoredBatch> Samples(string databasePath, string host)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection("sample_pages").FindAll()
            .SelectMany(p => Warden.Aggregator.Storage.SamplePage.Decode(p))
            .Where(b => b.Host == host).ToList();
    }

    private static List<long> Sequences(string databasePath, string host, string collection)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection(collection).Find(Query.StartsWith("_id", host + "/")).Select(d => d["Sequence"].AsInt64).ToList();
    }

    /// <summary>Every event the host sent, in sequence order, decoded from the stored EventBatch payloads.</summary>
    public static List<Warden.Proto.V1.Event> Events(string databasePath, string host)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection("events").Find(Query.EQ("Host", host)).OrderBy(d => d["Sequence"].AsInt64)
            .SelectMany(d => Warden.Proto.V1.EventBatch.Parser.ParseFrom(d["Payload"].AsBinary).Events).ToList();
    }

    /// <summary>Every event batch the host sent, decoded from its stored wire form.</summary>
    public static List<Warden.Proto.V1.EventBatch> EventBatches(string databasePath, string host)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection("events").Find(Query.EQ("Host", host))
            .Select(d => Warden.Proto.V1.EventBatch.Parser.ParseFrom(d["Payload"].AsBinary)).ToList();
    }

    /// <summary>Each sample batch's window start, by sequence.</summary>
    public static Dictionary<long, DateTime> SampleWindowStarts(string databasePath, string host) =>
        Samples(databasePath, host).ToDictionary(b => b.Sequence, b => DateTime.SpecifyKind(b.WindowStart, DateTimeKind.Utc));

    /// <summary>Every record of the host stored exactly once, from 1 to the highest with none missing, up to at least <paramref name="atLeast"/>.</summary>
    public static void AssertExactlyOnce(IReadOnlyCollection<long> stored, ulong atLeast)
    {
        var duplicates = stored.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "stored more than once: " + string.Join(", ", duplicates));
        var missing = Enumerable.Range(1, (int)stored.DefaultIfEmpty(0).Max()).Select(i => (long)i).Except(stored).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        Assert.True(stored.Count >= (long)atLeast, $"only {stored.Count} records stored, expected at least {atLeast}");
    }

    /// <summary>The host's latest reading as its stored host document holds it (sample batches are stored as receipts, without readings).</summary>
    public static double StoredLatestReading(string databasePath, string host, string name)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        var latest = db.GetCollection("hosts").FindById(host)["Latest"].AsArray;
        return latest.Single(r => r["Name"].AsString == name)["Last"].AsDouble;
    }
}
