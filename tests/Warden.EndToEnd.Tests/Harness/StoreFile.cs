using LiteDB;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>Reads the aggregator's real LiteDB file directly, after the aggregator has stopped.</summary>
internal static class StoreFile
{
    public static List<long> SampleSequences(string databasePath, string host) => Sequences(databasePath, host, "samples");

    /// <summary>Every record the host sent: sample batches and event batches share one sequence.</summary>
    public static List<long> RecordSequences(string databasePath, string host) =>
        [.. Sequences(databasePath, host, "samples"), .. Sequences(databasePath, host, "events")];

    private static List<long> Sequences(string databasePath, string host, string collection)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection(collection).Find(Query.StartsWith("_id", host + "/")).Select(d => d["Sequence"].AsInt64).ToList();
    }

    public static double StoredReading(string databasePath, string host, long sequence, string name)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        var batch = db.GetCollection("samples").FindById($"{host}/{sequence:D20}");
        return Warden.Proto.V1.SampleBatch.Parser.ParseFrom(batch["Payload"].AsBinary).Readings.Single(r => r.Name == name).Last;
    }
}
