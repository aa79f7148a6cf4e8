namespace Warden.Aggregator.Storage;

/// <summary>
/// What one StoreBatch changes, worked out before anything is written: each record deduped by
/// (host, sequence), the sample batches' receipts for the commit's page, the event batches, and each changed
/// host (a copy: held views never change under their readers) and check once.
/// </summary>
internal sealed class BatchCommit
{
    private readonly HostState _state;
    private readonly Func<string, StoredCheck?> _findCheck;
    private readonly StoreOutcome[] _outcomes;
    private readonly Dictionary<string, StoredHost> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredCheck> _checks = new(StringComparer.Ordinal);
    private int _next;

    public BatchCommit(HostState state, Func<string, StoredCheck?> findCheck, IReadOnlyList<IngestRecord> records)
    {
        _state = state;
        _findCheck = findCheck;
        _outcomes = new StoreOutcome[records.Count];
        foreach (var record in records)
        {
            Add(record);
        }
    }

    public List<StoredBatch> Samples { get; } = [];

    public List<StoredEventBatch> Events { get; } = [];

    public IReadOnlyDictionary<string, StoredHost> Hosts => _hosts;

    public IEnumerable<StoredCheck> Checks => _checks.Values;

    /// <summary>Hosts whose documents this commit writes whatever the flush interval: changed by a Hello or by events.</summary>
    public HashSet<string> WriteNow { get; } = new(StringComparer.Ordinal);

    /// <summary>When the newest record of the commit was received (as stored).</summary>
    public DateTime Newest { get; private set; }

    public CommitResult Result() => new(_outcomes, [.. _hosts.Values], [.. _checks.Values]);

    private void Add(IngestRecord record)
    {
        var index = _next++;
        var now = RecordEffects.AsStored(record.ReceivedAt.UtcDateTime);
        Newest = now > Newest ? now : Newest;
        var host = Host(record.Host, now);
        if (record.Hello is { } hello)
        {
            RecordEffects.ApplyHello(host, hello, now);
            WriteNow.Add(record.Host);
            return;
        }
        if (SequenceRanges.Contains(host.Stored, (long)record.Sequence))
        {
            _outcomes[index] = StoreOutcome.Duplicate;
            return;
        }
        SequenceRanges.Add(host.Stored, (long)record.Sequence);
        if (record.Samples is { } samples)
        {
            Samples.Add(new StoredBatch
            {
                Host = record.Host, Sequence = (long)samples.Sequence, ReceivedAt = now,
                WindowStart = samples.WindowStart?.ToDateTime() ?? now, WindowEnd = samples.WindowEnd?.ToDateTime() ?? now,
            });
            RecordEffects.ApplySamples(host, samples, now);
        }
        else if (record.Events is { } events)
        {
            Events.Add(new StoredEventBatch
            {
                Id = StoredBatch.IdOf(record.Host, record.Sequence), Host = record.Host, Sequence = (long)events.Sequence, ReceivedAt = now,
                Payload = record.Encoded,
            });
            RecordEffects.ApplyEvents(host, events, now, check => Check(record.Host, check));
            WriteNow.Add(record.Host);
        }
    }

    private StoredHost Host(string name, DateTime now)
    {
        if (!_hosts.TryGetValue(name, out var host))
        {
            host = _state.Find(name)?.Copy() ?? new StoredHost { Id = name, FirstSeen = now };
            _hosts[name] = host;
        }
        return host;
    }

    private StoredCheck Check(string host, string check)
    {
        var id = StoredCheck.IdOf(host, check);
        if (!_checks.TryGetValue(id, out var stored))
        {
            stored = _findCheck(id) ?? new StoredCheck { Id = id, Host = host, Check = check };
            _checks[id] = stored;
        }
        return stored;
    }
}
