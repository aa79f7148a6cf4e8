using LiteDB;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>Reads the aggregator's real LiteDB file directly, after the aggregator has stopped.</summary>
internal static class StoreFile
{
    public static List<long> SampleSequences(string databasePath, string host) => Samples(databasePath, host).Select(b => b.Sequence).ToList();

    /// <summary>Every record the host sent: sample batches and event batches share one sequence.</summary>
    public static List<long> RecordSequences(string databasePath, string host) =>
        [.. SampleSequences(databasePath, host), .. Sequences(databasePath, host, "events")];

    /// <summary>The host's sample batches, from the pages the aggregator writes one per commit.</summary>
    private static List<Warden.Aggregator.Storage.StoredBatch> Samples(string databasePath, string host)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection("sample_pages").FindAll()
            .SelectMany(p => Warden.Aggregator.Storage.SamplePage.Decode(p["Payload"].AsBinary))
            .Where(b => b.Host == host).ToList();
    }

    private static List<long> Sequences(string databasePath, string host, string collection)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection(collection).Find(Query.StartsWith("_id", host + "/")).Select(d => d["Sequence"].AsInt64).ToList();
    }

    public static double StoredReading(string databasePath, string host, long sequence, string name)
    {
        var batch = Samples(databasePath, host).Single(b => b.Sequence == sequence);
        return batch.ToBatch().Readings.Single(r => r.Name == name).Last;
    }
}
