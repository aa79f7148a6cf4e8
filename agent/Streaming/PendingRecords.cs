using Warden.Agent.State;
using Warden.Proto.V1;

namespace Warden.Agent.Streaming;

/// <summary>
/// Records produced but not yet acknowledged by the aggregator, oldest first. Bounded: past the
/// limit the oldest sample batch is dropped and counted, and events are kept. (The durable on-disk
/// spool replaces this.)
/// </summary>
internal sealed class PendingRecords
{
    private readonly LinkedList<AgentMessage> _records = new();
    private readonly SequenceCounter _sequence;
    private readonly int _capacity;
    private readonly object _gate = new();
    private readonly ChangeSignal _changed = new();

    public PendingRecords(SequenceCounter sequence, int capacity)
    {
        _sequence = sequence;
        _capacity = capacity;
    }

    public long Dropped { get; private set; }

    public ulong LastAcknowledged { get; private set; }

    public int Count
    {
        get { lock (_gate) { return _records.Count; } }
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
                SetSequence(record, _sequence.Next());
            }
            _records.AddLast(record);
            while (_records.Count > _capacity)
            {
                // Raw samples go first; events (check transitions, heals) are kept (DESIGN.md, "Delivery").
                var victim = _records.First;
                while (victim is not null && victim.Value.BodyCase != AgentMessage.BodyOneofCase.Samples)
                {
                    victim = victim.Next;
                }
                _records.Remove(victim ?? _records.First!);
                Dropped++;
            }
            _changed.Raise();
        }
    }

    /// <summary>Numbers the records made while the sequence was unknown.</summary>
    public void NumberUnnumbered()
    {
        lock (_gate)
        {
            foreach (var record in _records)
            {
                if (Sequence(record) == 0)
                {
                    SetSequence(record, _sequence.Next());
                }
            }
            _changed.Raise();
        }
    }

    public void Acknowledge(ulong sequence)
    {
        lock (_gate)
        {
            LastAcknowledged = Math.Max(LastAcknowledged, sequence);
            for (var node = _records.First; node is not null; node = node.Next)
            {
                if (Sequence(node.Value) == sequence)
                {
                    _records.Remove(node);
                    return;
                }
            }
        }
    }

    /// <summary>Numbered records with a sequence above <paramref name="after"/>, in order.</summary>
    public List<AgentMessage> NumberedAfter(ulong after)
    {
        lock (_gate)
        {
            var result = new List<AgentMessage>();
            foreach (var record in _records)
            {
                var sequence = Sequence(record);
                if (sequence > after)
                {
                    result.Add(record);
                }
            }
            return result;
        }
    }

    private static void SetSequence(AgentMessage record, ulong sequence)
    {
        if (record.BodyCase == AgentMessage.BodyOneofCase.Events)
        {
            record.Events.Sequence = sequence;
        }
        else
        {
            record.Samples.Sequence = sequence;
        }
    }

    public static ulong Sequence(AgentMessage record) => record.BodyCase switch
    {
        AgentMessage.BodyOneofCase.Samples => record.Samples.Sequence,
        AgentMessage.BodyOneofCase.Events => record.Events.Sequence,
        _ => 0,
    };
}
