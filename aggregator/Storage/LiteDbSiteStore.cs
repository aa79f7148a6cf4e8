using Google.Protobuf;
using LiteDB;
using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The site's state in one LiteDB file, opened in direct mode by this process alone. LiteDB's
/// commit hands pages to a background writer; a checkpoint waits for that writer and flushes the
/// data file, so a batch of records is one transaction plus one checkpoint before it returns (and
/// its records can be acked). Writes are serialised; reads may run beside them.
/// </summary>
public sealed class LiteDbSiteStore : ISiteStore
{
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<StoredHost> _hosts;
    private readonly ILiteCollection<StoredSamplePage> _samples;
    private readonly ILiteCollection<StoredEventBatch> _events;
    private readonly ILiteCollection<StoredCheck> _checks;
    private readonly object _writer = new();
    private readonly FileStream _ownership;
    // The store is the file's only writer, so the hosts it wrote are the hosts in the file.
    private readonly Dictionary<string, StoredHost> _hostCache = new(StringComparer.Ordinal);

    /// <exception cref="IOException">Another process holds the database, or it cannot be created.</exception>
    public LiteDbSiteStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _ownership = DatabaseOwnership.Acquire(Path)
            ?? throw new IOException($"database {Path} is in use by another process (it holds {DatabaseOwnership.LockPathOf(Path)})");
        try
        {
            _db = Open(Path);
        }
        catch
        {
            _ownership.Dispose();
            throw;
        }
        _hosts = _db.GetCollection<StoredHost>("hosts");
        _samples = _db.GetCollection<StoredSamplePage>("sample_pages");
        _events = _db.GetCollection<StoredEventBatch>("events");
        _checks = _db.GetCollection<StoredCheck>("checks");
        // Event batches are found by walking the primary key ("host/sequence"); a secondary index
        // with a few distinct values per thousands of documents made every insert slow.
        _checks.EnsureIndex(c => c.Host);
        foreach (var host in _hosts.FindAll())
        {
            _hostCache[host.Id] = host;
        }
    }

    public string Path { get; }

    // The incident store shares the one open database and its durable writes (LiteDbIncidentStore).
    internal LiteDatabase Database => _db;

    internal void WriteDurably(Action change)
    {
        lock (_writer)
        {
            Transaction(change);
        }
    }

    internal static LiteDatabase Open(string path, bool readOnly = false) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = readOnly },
            new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false })
        {
            UtcDate = true,
            // Checkpoints are explicit (see class comment), never automatic in the middle of ingest.
            CheckpointSize = 0,
        };

    public CommitResult StoreBatch(IReadOnlyList<IngestRecord> records)
    {
        lock (_writer)
        {
            var commit = new BatchCommit(this, records.Count);
            Transaction(() =>
            {
                foreach (var record in records)
                {
                    commit.Add(record);
                }
                commit.Flush();
            });
            foreach (var host in commit.Hosts)
            {
                _hostCache[host.Id] = host;
            }
            return commit.Result();
        }
    }

    public StoredHost RecordHello(Hello hello, DateTimeOffset at) => StoreBatch([IngestRecord.Of(hello, at)]).Hosts[0];

    public StoreOutcome StoreSamples(string host, SampleBatch batch, DateTimeOffset receivedAt) =>
        StoreBatch([IngestRecord.Of(host, batch, receivedAt)]).Outcomes[0];

    public StoreOutcome StoreEvents(string host, EventBatch batch, DateTimeOffset receivedAt) =>
        StoreBatch([IngestRecord.Of(host, batch, receivedAt)]).Outcomes[0];

    public ulong LastSequence(string host)
    {
        lock (_writer)
        {
            return (ulong)(_hostCache.GetValueOrDefault(host)?.LastSequence ?? 0);
        }
    }

    public IReadOnlyList<StoredHost> Hosts() => _hosts.Query().OrderBy(h => h.Id).ToList();

    public StoredHost? FindHost(string host) => _hosts.FindById(host);

    public IReadOnlyList<StoredCheck> Checks(string? host = null) =>
        host is null ? _checks.FindAll().ToList() : _checks.Find(c => c.Host == host).ToList();

    /// <summary>Reads every page: for tests, backups and tools, not for the ingest path (live views use the recent window).</summary>
    public IReadOnlyList<StoredBatch> Samples(string host, ulong afterSequence = 0, int limit = 1000) =>
        _samples.FindAll().SelectMany(p => SamplePage.Decode(p.Payload))
            .Where(b => b.Host == host && b.Sequence > (long)afterSequence)
            .OrderBy(b => b.Sequence).Take(limit).ToList();

    public IReadOnlyList<EventBatch> Events(string host) =>
        _events.Find(Query.Between("_id", StoredBatch.RangeOf(host).First, StoredBatch.RangeOf(host).Last))
            .Select(e => EventBatch.Parser.ParseFrom(e.Payload)).ToList();

    // Walks the primary key ("host/sequence") backwards: the newest batches, without reading the rest.
    public IReadOnlyList<EventBatch> RecentEvents(string host, int limit)
    {
        var (first, last) = StoredBatch.RangeOf(host);
        return _events.Query().Where(Query.Between("_id", first, last)).OrderByDescending("_id").Limit(limit)
            .ToEnumerable().Select(e => EventBatch.Parser.ParseFrom(e.Payload)).ToList();
    }

    public int CountRecords(string host, ulong sequence) =>
        _samples.FindAll().SelectMany(p => SamplePage.Decode(p.Payload)).Count(b => b.Host == host && b.Sequence == (long)sequence)
        + (_db.GetCollection("events").FindById(new BsonValue(StoredBatch.IdOf(host, sequence))) is null ? 0 : 1);

    /// <summary>Pages are numbered in commit order: take the oldest while all of a page is older than the cutoff.</summary>
    public int DeleteSamplesBefore(DateTimeOffset cutoff, int max)
    {
        var pages = _db.GetCollection("sample_pages").Find(Query.All("_id"), limit: max)
            .TakeWhile(p => p["To"].AsDateTime < cutoff.UtcDateTime)
            .Select(p => (Id: p["_id"], Batches: SamplePage.Decode(p["Payload"].AsBinary).Count())).ToList();
        Delete(_samples, pages.Select(p => p.Id).ToList());
        return pages.Sum(p => p.Batches);
    }

    public int DeleteEventsBefore(DateTimeOffset cutoff, int max) => DeleteBefore("events", cutoff, max);

    public void Backup(string destination)
    {
        lock (_writer)
        {
            // After a checkpoint with no transaction open the data file holds everything committed.
            _db.Checkpoint();
            DatabaseCopy.CopyDataFile(Path, destination);
        }
    }

    /// <summary>Per host, walks its records oldest sequence first and takes those received before the cutoff.</summary>
    private int DeleteBefore(string name, DateTimeOffset cutoff, int max)
    {
        var collection = _db.GetCollection(name);
        string[] hosts;
        lock (_writer)
        {
            hosts = [.. _hostCache.Keys];
        }
        var ids = new List<BsonValue>();
        foreach (var host in hosts)
        {
            var (first, last) = StoredBatch.RangeOf(host);
            ids.AddRange(collection.Find(Query.Between("_id", first, last), limit: max - ids.Count)
                .TakeWhile(d => d["ReceivedAt"].AsDateTime < cutoff.UtcDateTime)
                .Select(d => d["_id"]));
            if (ids.Count >= max)
            {
                break;
            }
        }
        Delete(collection, ids);
        return ids.Count;
    }

    private void Delete<T>(ILiteCollection<T> collection, List<BsonValue> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        lock (_writer)
        {
            Transaction(() =>
            {
                foreach (var id in ids)
                {
                    collection.Delete(id);
                }
            });
        }
    }

    private void Transaction(Action change)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("a LiteDB transaction is already open on the writer");
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
        _db.Checkpoint();
    }

    public void Dispose()
    {
        _db.Dispose();
        _ownership.Dispose();
    }

    /// <summary>One batch's writes: dedupe, inserts, and each changed host and check written once.</summary>
    private sealed class BatchCommit(LiteDbSiteStore store, int count)
    {
        private readonly StoreOutcome[] _outcomes = new StoreOutcome[count];
        private readonly List<StoredBatch> _page = [];
        private readonly Dictionary<string, StoredHost> _hosts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StoredCheck> _checks = new(StringComparer.Ordinal);
        private int _next;

        public IEnumerable<StoredHost> Hosts => _hosts.Values;

        public void Add(IngestRecord record)
        {
            var index = _next++;
            var now = RecordEffects.AsStored(record.ReceivedAt.UtcDateTime);
            if (record.Hello is { } hello)
            {
                RecordEffects.ApplyHello(Host(record.Host, now), hello, now);
                return;
            }
            var id = StoredBatch.IdOf(record.Host, record.Sequence);
            var host = Host(record.Host, now);
            if (SequenceRanges.Contains(host.Stored, (long)record.Sequence))
            {
                _outcomes[index] = StoreOutcome.Duplicate;
                return;
            }
            SequenceRanges.Add(host.Stored, (long)record.Sequence);
            if (record.Samples is { } samples)
            {
                _page.Add(new StoredBatch { Id = id, Host = record.Host, Sequence = (long)samples.Sequence, ReceivedAt = now, Payload = samples.ToByteArray() });
                RecordEffects.ApplySamples(host, samples, now);
            }
            else if (record.Events is { } events)
            {
                store._events.Insert(new StoredEventBatch { Id = id, Host = record.Host, Sequence = (long)events.Sequence, ReceivedAt = now, Payload = events.ToByteArray() });
                RecordEffects.ApplyEvents(host, events, now, check => Check(record.Host, check));
            }
        }

        public void Flush()
        {
            if (_page.Count > 0)
            {
                store._samples.Insert(new StoredSamplePage { To = _page.Max(b => b.ReceivedAt), Payload = SamplePage.Encode(_page) });
            }
            foreach (var host in _hosts.Values)
            {
                store._hosts.Upsert(host);
            }
            foreach (var check in _checks.Values)
            {
                store._checks.Upsert(check);
            }
        }

        public CommitResult Result() => new(_outcomes, [.. _hosts.Values], [.. _checks.Values]);

        private StoredHost Host(string name, DateTime now)
        {
            if (!_hosts.TryGetValue(name, out var host))
            {
                host = store._hostCache.GetValueOrDefault(name)?.Copy() ?? new StoredHost { Id = name, FirstSeen = now };
                _hosts[name] = host;
            }
            return host;
        }

        private StoredCheck Check(string host, string check)
        {
            var id = StoredCheck.IdOf(host, check);
            if (!_checks.TryGetValue(id, out var stored))
            {
                stored = store._checks.FindById(id) ?? new StoredCheck { Id = id, Host = host, Check = check };
                _checks[id] = stored;
            }
            return stored;
        }
    }
}
