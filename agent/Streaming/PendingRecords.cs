using Google.Protobuf;
using Warden.Agent.Spool;
using Warden.Agent.State;
using Warden.Proto.V1;

namespace Warden.Agent.Streaming;

/// <summary>
/// Records produced but not yet acknowledged by the aggregator, oldest first. A numbered record
/// goes straight to the durable spool; one made while the sequence is unknown (before the first
/// Welcome of an agent without a counter) waits in memory, bounded by the spool's quota, and is
/// spooled when numbered.
/// </summary>
internal sealed class PendingRecords
{
    /// <summary>How many records one <see cref="NumberedAfter"/> reads back from disk at most.</summary>
    public const int ReadBatch = 256;

    private readonly List<AgentMessage> _unnumbered = [];
    private readonly SequenceCounter _sequence;
    private readonly RecordSpool _spool;
    private readonly long _maxUnnumberedBytes;
    private readonly object _gate = new();
    private readonly ChangeSignal _changed = new();
    private long _unnumberedBytes;
    private long _droppedUnnumbered;

    public PendingRecords(SequenceCounter sequence, RecordSpool spool, long maxUnnumberedBytes)
    {
        _sequence = sequence;
        _spool = spool;
        _maxUnnumberedBytes = maxUnnumberedBytes;
        if (sequence.IsKnown)
        {
            sequence.EnsureAbove(spool.Highest); // a counter older than the spool must not reuse its numbers
        }
    }

    public long Dropped
    {
        get { lock (_gate) { return _spool.Dropped + _droppedUnnumbered; } }
    }

    public ulong LastAcknowledged { get; private set; }

    /// <summary>The highest sequence the spool holds; numbering must continue above it.</summary>
    public ulong HighestSpooled
    {
        get { lock (_gate) { return _spool.Highest; } }
    }

    public int Count
    {
        get { lock (_gate) { return _spool.Count + _unnumbered.Count; } }
    }

    /// <summary>Completes when a record is added or numbered; take a new one after it fires.</summary>
    public Task Changed => _changed.Next;

    public void Add(SampleBatch batch) => Add(new AgentMessage { Samples = batch });

    public void Add(EventBatch batch) => Add(new AgentMessage { Events = batch });

    private void Add(AgentMessage record)
    {
        lock (_gate)
        {
            if (_sequence.IsKnown)
            {
                NumberAndSpool(record);
            }
            else
            {
                _unnumbered.Add(record);
                _unnumberedBytes += record.CalculateSize();
                while (_unnumberedBytes > _maxUnnumberedBytes && _unnumbered.Count > 1)
                {
                    // Raw samples go first; events (check transitions, heals) are kept (DESIGN.md, "Delivery").
                    var victim = _unnumbered.FindIndex(r => r.BodyCase == AgentMessage.BodyOneofCase.Samples);
                    var at = victim < 0 ? 0 : victim;
                    _unnumberedBytes -= _unnumbered[at].CalculateSize();
                    _unnumbered.RemoveAt(at);
                    _droppedUnnumbered++;
                }
            }
            _changed.Raise();
        }
    }

    /// <summary>Numbers and spools the records made while the sequence was unknown.</summary>
    public void NumberUnnumbered()
    {
        lock (_gate)
        {
            foreach (var record in _unnumbered)
            {
                NumberAndSpool(record);
            }
            _unnumbered.Clear();
            _unnumberedBytes = 0;
            _changed.Raise();
        }
    }

    public void Acknowledge(ulong sequence)
    {
        lock (_gate)
        {
            LastAcknowledged = Math.Max(LastAcknowledged, sequence);
            _spool.Acknowledge(sequence);
        }
    }

    /// <summary>Up to <paramref name="max"/> numbered records with a sequence above <paramref name="after"/>, in order.</summary>
    public List<AgentMessage> NumberedAfter(ulong after, int max = ReadBatch)
    {
        lock (_gate)
        {
            var result = new List<AgentMessage>();
            foreach (var (entry, payload) in _spool.ReadAfter(after, max))
            {
                result.Add(entry.Kind == SpoolRecordKind.Events
                    ? new AgentMessage { Events = EventBatch.Parser.ParseFrom(payload) }
                    : new AgentMessage { Samples = SampleBatch.Parser.ParseFrom(payload) });
            }
            return result;
        }
    }

    /// <summary>The spool's last write or read failure not yet reported, or null.</summary>
    public string? TakeSpoolError()
    {
        lock (_gate)
        {
            return _spool.TakeError();
        }
    }

    /// <summary>The spool's health, as readings for the next sample batch.</summary>
    public SpoolHealth Health(DateTimeOffset now)
    {
        lock (_gate)
        {
            var oldest = _spool.OldestUnacknowledged;
            return new SpoolHealth(_spool.Count + _unnumbered.Count, _spool.Bytes,
                oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds),
                _spool.Dropped + _droppedUnnumbered, _spool.CorruptSegments);
        }
    }

    private void NumberAndSpool(AgentMessage record)
    {
        // Spooled before the counter moves: after a kill in between, the spool's highest sequence
        // raises the counter at the next start, so no number is burnt without its record.
        var sequence = _sequence.PeekNext();
        if (record.BodyCase == AgentMessage.BodyOneofCase.Events)
        {
            record.Events.Sequence = sequence;
            _spool.Append(sequence, SpoolRecordKind.Events, record.Events.ToByteArray());
        }
        else
        {
            record.Samples.Sequence = sequence;
            _spool.Append(sequence, SpoolRecordKind.Samples, record.Samples.ToByteArray());
        }
        _sequence.Advance(sequence);
    }

    public static ulong Sequence(AgentMessage record) => record.BodyCase switch
    {
        AgentMessage.BodyOneofCase.Samples => record.Samples.Sequence,
        AgentMessage.BodyOneofCase.Events => record.Events.Sequence,
        _ => 0,
    };
}
