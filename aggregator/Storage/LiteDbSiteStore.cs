using Google.Protobuf;
using LiteDB;
using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The site's state in one LiteDB file, opened in direct mode by this process alone. LiteDB's
/// commit hands pages to a background writer; a checkpoint waits for that writer and flushes the
/// data file, so a batch of records is one transaction plus one checkpoint before it returns (and
/// its records can be acked). A commit writes one page of receipts of all its sample batches (a few
/// tens of bytes each: their readings are not the site's state, DESIGN.md), its event batches in
/// full and checks, and host documents only as HostState decides; the page is encoded before the
/// writer lock is taken, so the incident store's writes wait only for LiteDB itself.
/// Reads may run beside writes; hosts are read from memory.
/// </summary>
public sealed class LiteDbSiteStore : ISiteStore
{
    public static readonly TimeSpan DefaultHostFlushInterval = TimeSpan.FromSeconds(5);
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<StoredHost> _hosts;
    private readonly ILiteCollection<StoredSamplePage> _samples;
    private readonly ILiteCollection<StoredEventBatch> _events;
    private readonly ILiteCollection<StoredCheck> _checks;
    // _ingest orders StoreBatch calls (dedupe needs the previous commit's hosts); _writer guards LiteDB's one writer.
    private readonly object _ingest = new();
    private readonly object _writer = new();
    private readonly FileStream _ownership;
    private readonly HostState _state;
    private long _nextPage;

    private static readonly Dictionary<string, StoredHost> NoHosts = [];

    /// <param name="hostFlushInterval">How often host documents behind their samples are written (default 5 s); see HostState.</param>
    /// <exception cref="IOException">Another process holds the database, it cannot be created, or it cannot be read (StoreFormatException).</exception>
    public LiteDbSiteStore(string path, TimeSpan? hostFlushInterval = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _ownership = DatabaseOwnership.Acquire(Path)
            ?? throw new IOException($"database {Path} is in use by another process (it holds {DatabaseOwnership.LockPathOf(Path)})");
        _state = new HostState(hostFlushInterval ?? DefaultHostFlushInterval);
        try
        {
            _db = Open(Path);
            _hosts = _db.GetCollection<StoredHost>("hosts");
            _samples = _db.GetCollection<StoredSamplePage>("sample_pages");
            _events = _db.GetCollection<StoredEventBatch>("events");
            _checks = _db.GetCollection<StoredCheck>("checks");
            // Event batches are found by walking the primary key ("host/sequence"); a secondary index
            // with a few distinct values per thousands of documents made every insert slow.
            _checks.EnsureIndex(c => c.Host);
            Recover();
        }
        catch
        {
            _db?.Dispose();
            _ownership.Dispose();
            throw;
        }
    }

    public string Path { get; }

    // The incident store shares the one open database and its durable writes (LiteDbIncidentStore).
    internal LiteDatabase Database => _db;

    /// <summary>Host documents not yet written since their last sample batches (a figure for tests and metrics).</summary>
    internal int HostsBehind
    {
        get
        {
            lock (_ingest)
            {
                return _state.Behind;
            }
        }
    }

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
        lock (_ingest)
        {
            var commit = new BatchCommit(_state, id => _checks.FindById(id), records);
            var page = commit.Samples.Count > 0 ? SamplePage.Create(_nextPage, commit.Samples) : null;
            var lastPage = page?.Id ?? _nextPage - 1;
            var flush = _state.FlushDue(commit.Newest);
            lock (_writer)
            {
                Transaction(() =>
                {
                    if (page is not null)
                    {
                        _samples.Insert(page);
                    }
                    _events.Insert(commit.Events);
                    _checks.Upsert(commit.Checks);
                    _hosts.Upsert(flush ? _state.ToFlush(commit.Hosts) : commit.WriteNow.Select(h => commit.Hosts[h]));
                    if (flush)
                    {
                        StoreFormat.SetHostsThroughPage(_db, lastPage);
                    }
                });
            }
            _state.Committed(commit.Hosts, commit.WriteNow, flush ? lastPage : null, commit.Newest);
            _nextPage = lastPage + 1;
            return commit.Result();
        }
    }

    public StoredHost RecordHello(Hello hello, DateTimeOffset at) => StoreBatch([IngestRecord.Of(hello, at)]).Hosts[0];

    public StoreOutcome StoreSamples(string host, SampleBatch batch, DateTimeOffset receivedAt) =>
        StoreBatch([IngestRecord.Of(host, batch, receivedAt)]).Outcomes[0];

    public StoreOutcome StoreEvents(string host, EventBatch batch, DateTimeOffset receivedAt) =>
        StoreBatch([IngestRecord.Of(host, batch, receivedAt)]).Outcomes[0];

    public ulong LastSequence(string host) => (ulong)(_state.Find(host)?.LastSequence ?? 0);

    public IReadOnlyList<StoredHost> Hosts() => _state.All.OrderBy(h => h.Id, StringComparer.Ordinal).ToList();

    public StoredHost? FindHost(string host) => _state.Find(host);

    public IReadOnlyList<StoredCheck> Checks(string? host = null) =>
        host is null ? _checks.FindAll().ToList() : _checks.Find(c => c.Host == host).ToList();

    /// <summary>
    /// The host's stored sample batches, read from every page: receipts (format 3) and, from pages
    /// of older formats, batches with readings. For tests and tools, not for the ingest path (live
    /// views and evidence use the fleet's recent window).
    /// </summary>
    public IReadOnlyList<StoredBatch> Samples(string host, ulong afterSequence = 0, int limit = 1000) =>
        _samples.FindAll().SelectMany(p => SamplePage.Decode(p))
            .Where(b => b.Host == host && b.Sequence > (long)afterSequence)
            .OrderBy(b => b.Sequence).Take(limit).ToList();

    public IReadOnlyList<EventBatch> Events(string host) =>
        _events.Find(Query.Between("_id", StoredBatch.RangeOf(host).First, StoredBatch.RangeOf(host).Last))
            .Select(e => EventBatch.Parser.ParseFrom(e.Payload)).ToList();

    public IReadOnlyList<EventBatch> EventsReceivedSince(string host, DateTimeOffset since) => EventHistory.ReceivedSince(_db, host, since);

    // Walks the primary key ("host/sequence") backwards: the newest batches, without reading the rest.
    public IReadOnlyList<EventBatch> RecentEvents(string host, int limit)
    {
        var (first, last) = StoredBatch.RangeOf(host);
        return _events.Query().Where(Query.Between("_id", first, last)).OrderByDescending("_id").Limit(limit)
            .ToEnumerable().Select(e => EventBatch.Parser.ParseFrom(e.Payload)).ToList();
    }

    public int CountRecords(string host, ulong sequence) =>
        _samples.FindAll().SelectMany(p => SamplePage.Decode(p)).Count(b => b.Host == host && b.Sequence == (long)sequence)
        + (_db.GetCollection("events").FindById(new BsonValue(StoredBatch.IdOf(host, sequence))) is null ? 0 : 1);

    /// <summary>
    /// Pages are numbered in commit order: takes the oldest while all of a page is older than the
    /// cutoff, about <paramref name="max"/> batches (at least one page) in one transaction, and
    /// never a page after HostState.ThroughPage, which a restart would replay.
    /// </summary>
    public int DeleteSamplesBefore(DateTimeOffset cutoff, int max)
    {
        long through;
        lock (_ingest)
        {
            through = _state.ThroughPage;
        }
        var ids = new List<BsonValue>();
        var batches = 0;
        foreach (var page in _db.GetCollection("sample_pages").Find(Query.LTE("_id", through)))
        {
            var count = SamplePage.CountOf(page);
            if (page["To"].AsDateTime >= cutoff.UtcDateTime || (ids.Count > 0 && batches + count > max))
            {
                break;
            }
            ids.Add(page["_id"]);
            batches += count;
        }
        Delete(_samples, ids);
        return batches;
    }

    public int DeleteEventsBefore(DateTimeOffset cutoff, int max) => DeleteBefore("events", cutoff, max);

    /// <summary>
    /// Writes the hosts behind their pages first, so that the copy holds every host's latest
    /// readings (receipt pages replayed at open would not bring them back), then copies the file.
    /// </summary>
    public void Backup(string destination)
    {
        lock (_ingest)
        {
            FlushBehind();
            CopyAsIs(destination);
        }
    }

    /// <summary>The data file as a crash would leave it: host documents behind their pages stay behind (tests of replay).</summary>
    internal void CopyAsIs(string destination)
    {
        lock (_writer)
        {
            // After a checkpoint with no transaction open the data file holds everything committed.
            _db.Checkpoint();
            DatabaseCopy.CopyDataFile(Path, destination);
        }
    }

    /// <summary>At open: loads the hosts, replays the pages after the last host flush, writes the hosts brought up to date.</summary>
    private void Recover()
    {
        var through = StoreFormat.HostsThroughPage(_db, Path);
        _state.Load(_hosts.FindAll(), through);
        var last = through;
        try
        {
            foreach (var page in _samples.Find(Query.GT("_id", through)))
            {
                foreach (var batch in SamplePage.Decode(page))
                {
                    _state.Replay(batch);
                }
                last = Math.Max(last, page.Id);
            }
        }
        catch (StoreFormatException e)
        {
            throw new StoreFormatException($"database {Path}: {e.Message}; nothing was changed: restore a backup, or move the file aside to start empty", e);
        }
        _nextPage = last + 1;
        WriteDurably(() =>
        {
            _hosts.Upsert(_state.ToFlush(NoHosts));
            StoreFormat.SetHostsThroughPage(_db, last);
        });
        _state.Committed(NoHosts, new HashSet<string>(), last, DateTime.MinValue);
    }

    /// <summary>Per host, walks its records oldest sequence first and takes those received before the cutoff.</summary>
    private int DeleteBefore(string name, DateTimeOffset cutoff, int max)
    {
        var collection = _db.GetCollection(name);
        var hosts = _state.All.Select(h => h.Id).ToList();
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

    /// <summary>Writes the hosts behind their pages, so that the next open has nothing to replay, and closes the file.</summary>
    public void Dispose()
    {
        try
        {
            lock (_ingest)
            {
                FlushBehind();
            }
        }
        finally
        {
            _db.Dispose();
            _ownership.Dispose();
        }
    }

    // Called under _ingest.
    private void FlushBehind()
    {
        if (_state.Behind == 0)
        {
            return;
        }
        var through = _nextPage - 1;
        WriteDurably(() =>
        {
            _hosts.Upsert(_state.ToFlush(NoHosts));
            StoreFormat.SetHostsThroughPage(_db, through);
        });
        _state.Committed(NoHosts, new HashSet<string>(), through, DateTime.MinValue);
    }
}
