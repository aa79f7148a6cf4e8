using Google.Protobuf;
using LiteDB;
using Warden.Aggregator.Storage;
using static Warden.Aggregator.Tests.Storage.LiteDbSiteStoreTests;

namespace Warden.Aggregator.Tests.Storage;

/// <summary>Files of the previous storage format still open; files this aggregator cannot read fail at open, saying which and why, and are left as they were.</summary>
public sealed class StoreFormatTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new();

    private string DbPath => _dir.File("warden.db");

    [Fact]
    public void A_format_1_file_with_plain_pages_and_eager_host_documents_opens_and_keeps_its_history()
    {
        using (var db = LiteDbSiteStore.Open(DbPath))
        {
            var host = new StoredHost { Id = "web-01", MachineId = "machine-web-01", LastSequence = 2, Stored = [new SequenceRange { First = 1, Last = 2 }] };
            db.GetCollection<StoredHost>("hosts").Insert(host);
            db.GetCollection("sample_pages").Insert(new BsonDocument
            {
                ["_id"] = 1L, ["To"] = T0.UtcDateTime, ["Payload"] = PlainPage(("web-01", Batch(1, cpu: 10)), ("web-01", Batch(2, cpu: 20))),
            });
        }

        using (var store = new LiteDbSiteStore(DbPath))
        {
            Assert.Equal([1L, 2L], store.Samples("web-01").Select(b => b.Sequence));
            Assert.Equal(StoreOutcome.Duplicate, store.StoreSamples("web-01", Batch(2, cpu: 20), T0));
            Assert.Equal(StoreOutcome.Stored, store.StoreSamples("web-01", Batch(3, cpu: 30), T0));
            Assert.Equal("machine-web-01", store.FindHost("web-01")!.MachineId);
        }
        using var reopened = new LiteDbSiteStore(DbPath);
        Assert.Equal([1L, 2L, 3L], reopened.Samples("web-01").Select(b => b.Sequence));
        Assert.Equal(2, reopened.DeleteSamplesBefore(T0.AddDays(1), max: 1)); // the plain page is counted by decoding it
    }

    [Fact]
    public void A_file_of_a_newer_format_fails_at_open_naming_the_file_and_the_format_and_is_not_changed()
    {
        using (var store = new LiteDbSiteStore(DbPath))
        {
            store.StoreSamples("web-01", Batch(1, cpu: 10), T0);
        }
        using (var db = LiteDbSiteStore.Open(DbPath))
        {
            db.GetCollection("store_meta").Update(new BsonDocument { ["_id"] = "format", ["Version"] = 4, ["HostsThroughPage"] = 1L });
        }

        var error = Assert.Throws<StoreFormatException>(() => new LiteDbSiteStore(DbPath));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("storage format 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore a backup", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, PageCount(DbPath));
        using var again = LiteDbSiteStore.Open(DbPath, readOnly: true);
        Assert.Equal(4, again.GetCollection("store_meta").FindById("format")["Version"].AsInt32);
    }

    [Theory]
    [InlineData("receipts", "damaged")]
    [InlineData("", "has length")]
    [InlineData("zstd", "encoded as 'zstd'")]
    public void A_damaged_or_unknown_page_to_replay_fails_the_open_naming_the_page_and_keeps_it(string codec, string expected)
    {
        using (var store = new LiteDbSiteStore(DbPath, TimeSpan.FromHours(1)))
        {
            store.StoreSamples("web-01", Batch(1, cpu: 10), T0);
            store.StoreSamples("web-01", Batch(2, cpu: 20), T0.AddSeconds(1));
            store.CopyAsIs(_dir.File("crash.db")); // page 2 is after the last host flush
        }
        using (var db = LiteDbSiteStore.Open(_dir.File("crash.db")))
        {
            var page = db.GetCollection("sample_pages").FindById(2L);
            page["Codec"] = codec;
            page["Payload"] = page["Payload"].AsBinary[..^4];
            db.GetCollection("sample_pages").Update(page);
        }

        var error = Assert.Throws<StoreFormatException>(() => new LiteDbSiteStore(_dir.File("crash.db")));
        Assert.Contains("sample page 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.File("crash.db"), error.Message, StringComparison.Ordinal);
        Assert.Equal(2, PageCount(_dir.File("crash.db")));
        using var released = DatabaseOwnership.Acquire(_dir.File("crash.db"));
        Assert.NotNull(released); // the failed open let go of the file
    }

    [Fact]
    public void A_receipt_page_round_trips_its_batches_without_readings_and_a_truncated_one_says_how_far_it_could_be_read()
    {
        var batches = Enumerable.Range(1, 50).Select(s => new StoredBatch
        {
            Host = $"web-{s % 3:D2}", Sequence = s, ReceivedAt = T0.UtcDateTime.AddSeconds(s),
            WindowStart = T0.UtcDateTime.AddSeconds(s - 10), WindowEnd = T0.UtcDateTime.AddSeconds(s),
        }).ToList();
        var page = SamplePage.Create(7, batches);

        Assert.Equal((7L, 50, T0.UtcDateTime.AddSeconds(50), SamplePage.Receipts), (page.Id, page.Count, page.To, page.Codec));
        Assert.True(page.Payload.Length < 50 * 48, $"{page.Payload.Length} bytes for 50 receipts");
        var decoded = SamplePage.Decode(page);
        Assert.Equal(batches.Select(b => (b.Host, b.Sequence, b.ReceivedAt, b.WindowStart, b.WindowEnd)),
            decoded.Select(b => (b.Host, b.Sequence, b.ReceivedAt, b.WindowStart, b.WindowEnd)));
        Assert.False(decoded[0].HasReadings);
        Assert.Contains("without its readings", Assert.Throws<InvalidOperationException>(() => decoded[0].ToBatch()).Message, StringComparison.Ordinal);
        page.Payload = page.Payload[..^3];
        var error = Assert.Throws<StoreFormatException>(() => SamplePage.Decode(page));
        Assert.StartsWith("sample page 7 is damaged after 49 batches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_with_an_impossible_sequence_or_time_is_refused_naming_the_page_and_the_batch()
    {
        var page = SamplePage.Create(4, [new StoredBatch { Host = "web-01", Sequence = 9, ReceivedAt = T0.UtcDateTime }]);
        var bytes = page.Payload;
        BitConverter.GetBytes(-5L).CopyTo(bytes, bytes.Length - 8); // the window end
        var error = Assert.Throws<StoreFormatException>(() => SamplePage.Decode(page));
        Assert.Equal("sample page 4: the batch web-01/9 has window end -5", error.Message);
        BitConverter.GetBytes(0L).CopyTo(bytes, 7); // the sequence, after the host's length and 6 bytes
        error = Assert.Throws<StoreFormatException>(() => SamplePage.Decode(page));
        Assert.Equal("sample page 4: an entry of 'web-01' has sequence 0", error.Message);
    }

    [Fact]
    public void A_format_2_file_is_upgraded_at_open_replaying_its_wire_pages_with_readings_and_keeps_them_readable_until_retention()
    {
        using (var db = LiteDbSiteStore.Open(DbPath))
        {
            db.GetCollection<StoredHost>("hosts").Insert(new StoredHost { Id = "web-01", MachineId = "machine-web-01" });
            db.GetCollection("sample_pages").Insert(new BsonDocument
            {
                ["_id"] = 1L, ["To"] = T0.UtcDateTime, ["Count"] = 2, ["Codec"] = "",
                ["Payload"] = PlainPage(("web-01", Batch(1, cpu: 10)), ("web-01", Batch(2, cpu: 20))),
            });
            db.GetCollection("store_meta").Insert(new BsonDocument { ["_id"] = "format", ["Version"] = 2, ["HostsThroughPage"] = 0L });
        }

        using (var store = new LiteDbSiteStore(DbPath, TimeSpan.FromHours(1)))
        {
            var host = store.FindHost("web-01")!;
            Assert.Equal((2L, 20.0), (host.LastSequence, host.Latest.Single().Last)); // replayed with the page's readings
            Assert.Equal(StoreOutcome.Duplicate, store.StoreSamples("web-01", Batch(2, cpu: 20), T0.AddDays(2)));
            Assert.Equal(StoreOutcome.Stored, store.StoreSamples("web-01", Batch(3, cpu: 30), T0.AddDays(2)));
        }
        using (var db = LiteDbSiteStore.Open(DbPath, readOnly: true))
        {
            Assert.Equal(3, db.GetCollection("store_meta").FindById("format")["Version"].AsInt32);
            Assert.Equal(["", "receipts"], db.GetCollection("sample_pages").FindAll().Select(p => p["Codec"].AsString));
        }
        using var reopened = new LiteDbSiteStore(DbPath);
        Assert.Equal([true, true, false], reopened.Samples("web-01").Select(b => b.HasReadings));
        Assert.Equal(30, reopened.FindHost("web-01")!.Latest.Single().Last);
        Assert.Equal(2, reopened.DeleteSamplesBefore(T0.AddDays(1), max: 100)); // the old page goes by age
        Assert.Equal([3L], reopened.Samples("web-01").Select(b => b.Sequence));
    }

    private static int PageCount(string path)
    {
        using var db = LiteDbSiteStore.Open(path, readOnly: true);
        return db.GetCollection("sample_pages").Count();
    }

    private static byte[] PlainPage(params (string Host, Proto.V1.SampleBatch Batch)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            foreach (var (host, batch) in entries)
            {
                var bytes = batch.ToByteArray();
                writer.Write(host);
                writer.Write((long)batch.Sequence);
                writer.Write(T0.UtcDateTime.Ticks);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    public void Dispose() => _dir.Dispose();
}
