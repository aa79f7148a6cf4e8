using Google.Protobuf;
using LiteDB;
using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The site's state in one LiteDB file, opened in direct mode by this process alone. LiteDB's
/// commit hands pages to a background writer; a checkpoint waits for that writer and flushes the
/// data file, so each write here ends with one before it returns (and the record can be acked).
/// </summary>
public sealed class LiteDbSiteStore : ISiteStore
{
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<StoredHost> _hosts;
    private readonly ILiteCollection<StoredBatch> _samples;
    private readonly ILiteCollection<StoredEventBatch> _events;
    private readonly object _writer = new();
    private readonly FileStream _ownership;

    /// <exception cref="IOException">Another process holds the database, or it cannot be created.</exception>
    public LiteDbSiteStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // LiteDB does not stop a second process opening the same file on Linux, and two writers
        // corrupt it. An exclusive lock (flock) on a side file makes the aggregator the sole owner.
        var lockPath = Path + ".lock";
        try
        {
            _ownership = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"database {Path} is in use by another process (it holds {lockPath})", e);
        }
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        try
        {
            _db = new LiteDatabase(new ConnectionString
            {
                Filename = Path,
                Connection = ConnectionType.Direct,
            }, mapper)
            {
                UtcDate = true,
                // Checkpoints are explicit (see class comment), never automatic in the middle of ingest.
                CheckpointSize = 0,
            };
        }
        catch
        {
            _ownership.Dispose();
            throw;
        }
        _hosts = _db.GetCollection<StoredHost>("hosts");
        _samples = _db.GetCollection<StoredBatch>("samples");
        _events = _db.GetCollection<StoredEventBatch>("events");
        _samples.EnsureIndex(b => b.Host);
        _events.EnsureIndex(e => e.Host);
    }

    public string Path { get; }

    // The incident store shares the one open database and its durable writes (LiteDbIncidentStore).
    internal LiteDatabase Database => _db;

    internal void WriteDurably(Action change)
    {
        lock (_writer)
        {
            Write(change);
        }
    }

    public StoredHost RecordHello(Hello hello, DateTimeOffset at)
    {
        lock (_writer)
        {
            var now = at.UtcDateTime;
            var host = _hosts.FindById(hello.Host) ?? new StoredHost { Id = hello.Host, FirstSeen = now };
            host.MachineId = hello.MachineId;
            host.AgentVersion = hello.AgentVersion;
            host.Kernel = hello.Kernel;
            host.CpuCount = (int)hello.CpuCount;
            host.LastSeen = now;
            _hosts.Upsert(host);
            Durable();
            return host;
        }
    }

    public StoreOutcome StoreSamples(string host, SampleBatch batch, DateTimeOffset receivedAt)
    {
        var id = StoredBatch.IdOf(host, batch.Sequence);
        var readings = batch.Readings.Select(ToStored).ToList();
        lock (_writer)
        {
            if (_samples.FindById(id) is not null || _events.FindById(id) is not null)
            {
                return StoreOutcome.Duplicate;
            }
            var now = receivedAt.UtcDateTime;
            Write(() =>
            {
                _samples.Insert(new StoredBatch
                {
                    Id = id,
                    Host = host,
                    Sequence = (long)batch.Sequence,
                    WindowStart = batch.WindowStart?.ToDateTime() ?? now,
                    WindowEnd = batch.WindowEnd?.ToDateTime() ?? now,
                    ReceivedAt = now,
                    Readings = readings,
                });
                var stored = _hosts.FindById(host) ?? new StoredHost { Id = host, FirstSeen = now };
                stored.LastSeen = now;
                if ((long)batch.Sequence > stored.LastSequence)
                {
                    // A resent older batch must not overwrite newer readings.
                    stored.LastSequence = (long)batch.Sequence;
                    stored.Latest = readings;
                }
                _hosts.Upsert(stored);
            });
            return StoreOutcome.Stored;
        }
    }

    public StoreOutcome StoreEvents(string host, EventBatch batch, DateTimeOffset receivedAt)
    {
        var id = StoredBatch.IdOf(host, batch.Sequence);
        lock (_writer)
        {
            if (_samples.FindById(id) is not null || _events.FindById(id) is not null)
            {
                return StoreOutcome.Duplicate;
            }
            var now = receivedAt.UtcDateTime;
            Write(() =>
            {
                _events.Insert(new StoredEventBatch { Id = id, Host = host, Sequence = (long)batch.Sequence, ReceivedAt = now, Payload = batch.ToByteArray() });
                var stored = _hosts.FindById(host) ?? new StoredHost { Id = host, FirstSeen = now };
                stored.LastSeen = now;
                stored.LastSequence = Math.Max(stored.LastSequence, (long)batch.Sequence);
                _hosts.Upsert(stored);
            });
            return StoreOutcome.Stored;
        }
    }

    public ulong LastSequence(string host) => (ulong)(_hosts.FindById(host)?.LastSequence ?? 0);

    public IReadOnlyList<StoredHost> Hosts() => _hosts.Query().OrderBy(h => h.Id).ToList();

    public StoredHost? FindHost(string host) => _hosts.FindById(host);

    public IReadOnlyList<StoredBatch> Samples(string host, ulong afterSequence = 0, int limit = 1000) =>
        _samples.Query()
            .Where(b => b.Host == host && b.Sequence > (long)afterSequence)
            .OrderBy(b => b.Sequence)
            .Limit(limit)
            .ToList();

    public int CountRecords(string host, ulong sequence)
    {
        var id = StoredBatch.IdOf(host, sequence);
        return _samples.Count(b => b.Id == id) + _events.Count(e => e.Id == id);
    }

    private void Write(Action change)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("a LiteDB transaction is already open on the ingest thread");
        }
        try
        {
            change();
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        Durable();
    }

    private void Durable() => _db.Checkpoint();

    private static StoredReading ToStored(Reading r) => new()
    {
        Name = r.Name,
        Subject = r.Subject,
        Last = r.Last,
        Min = r.Min,
        Max = r.Max,
        Count = r.Count,
    };

    public void Dispose()
    {
        _db.Dispose();
        _ownership.Dispose();
    }
}
