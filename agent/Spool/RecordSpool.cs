using System.Buffers;
using Warden.Agent.Configuration;

namespace Warden.Agent.Spool;

/// <summary>
/// Records not yet acknowledged, in append-only segment files. Only an index (sequence, kind,
/// offset) is kept in memory; payloads are read back when sent. Acknowledgements are not written
/// down: after a restart every record still on disk is sent again, and the aggregator, which
/// dedupes by host and sequence, acknowledges one it already stored as a duplicate. Not
/// thread-safe: its owner serialises calls.
/// </summary>
internal sealed class RecordSpool : IDisposable
{
    private readonly SpoolOptions _options;
    private readonly TimeProvider _time;
    private readonly List<SpoolSegment> _segments;
    private readonly SortedSet<SpoolEntry> _index;
    private readonly SpoolQuota _quota;
    private long _lastSyncMs;

    private RecordSpool(string directory, SpoolOptions options, TimeProvider time, List<SpoolSegment> segments,
        SortedSet<SpoolEntry> index, List<string> repairs, int corrupt)
    {
        Directory = directory;
        _options = options;
        _time = time;
        _segments = segments;
        _index = index;
        Repairs = repairs;
        CorruptSegments = corrupt;
        Highest = index.Count > 0 ? index.Max.Sequence : 0;
        _quota = new SpoolQuota(segments, index);
        _lastSyncMs = time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    public string Directory { get; }

    public int Count => _index.Count;

    public long Bytes => _segments.Sum(s => s.Length);

    /// <summary>Records dropped for the quota or lost to a failed write, since start.</summary>
    public long Dropped { get; private set; }

    public int CorruptSegments { get; }

    public ulong Highest { get; private set; }

    /// <summary>What opening the spool cut or set aside, for the log.</summary>
    public IReadOnlyList<string> Repairs { get; }

    /// <summary>The most recent failure to write or read back, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>The failure not yet reported, once: the caller logs it.</summary>
    public string? TakeError()
    {
        var error = LastError;
        LastError = null;
        return error;
    }

    public DateTimeOffset? OldestUnacknowledged =>
        _index.Count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(_index.Min.WrittenUnixMs);

    /// <exception cref="IOException">The folder cannot be created or read.</exception>
    public static RecordSpool Open(string directory, SpoolOptions options, TimeProvider time)
    {
        var (segments, index, repairs, corrupt) = SpoolDirectory.Load(directory);
        return new RecordSpool(directory, options, time, segments, index, repairs, corrupt);
    }

    /// <summary>Writes one numbered record; false when it could not be written (counted as dropped).</summary>
    public bool Append(ulong sequence, SpoolRecordKind kind, ReadOnlySpan<byte> payload)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var frame = ArrayPool<byte>.Shared.Rent(SpoolRecordFrame.HeaderBytes + payload.Length);
        try
        {
            var active = ActiveFor(sequence);
            SpoolRecordFrame.WriteHeader(frame, sequence, kind, now, payload);
            payload.CopyTo(frame.AsSpan(SpoolRecordFrame.HeaderBytes));
            var offset = active.Append(frame.AsSpan(0, SpoolRecordFrame.HeaderBytes + payload.Length));
            _index.Add(new SpoolEntry(sequence, kind, now, offset, payload.Length));
            active.Live++;
            active.LiveEvents += kind == SpoolRecordKind.Events ? 1 : 0;
            Highest = Math.Max(Highest, sequence);
            if (_options.Fsync == SpoolFsync.Always || (_options.Fsync == SpoolFsync.Batch && now - _lastSyncMs >= _options.FsyncIntervalMs))
            {
                active.Sync();
                _lastSyncMs = now;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LastError = $"could not write record {sequence} to the spool in {Directory}: {e.Message}";
            Dropped++;
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
        Dropped += _quota.Enforce(_options.MaxBytes);
        return true;
    }

    /// <summary>Forgets an acknowledged record; a closed segment with nothing left is deleted.</summary>
    public void Acknowledge(ulong sequence)
    {
        if (!_index.TryGetValue(new SpoolEntry(sequence, default, 0, 0, 0), out var entry))
        {
            return;
        }
        _index.Remove(entry);
        var segment = _quota.SegmentOf(sequence);
        segment.Live--;
        segment.LiveEvents -= entry.Kind == SpoolRecordKind.Events ? 1 : 0;
        if (segment.Live == 0 && !segment.IsOpenForAppend)
        {
            _quota.Remove(segment);
        }
    }

    /// <summary>Up to <paramref name="max"/> records above <paramref name="after"/>, in order, with their payloads.</summary>
    public List<(SpoolEntry Entry, byte[] Payload)> ReadAfter(ulong after, int max)
    {
        var result = new List<(SpoolEntry, byte[])>();
        if (_index.Count == 0 || after >= _index.Max.Sequence)
        {
            return result;
        }
        var lost = new List<SpoolEntry>();
        foreach (var entry in _index.GetViewBetween(new SpoolEntry(after + 1, default, 0, 0, 0), _index.Max))
        {
            try
            {
                result.Add((entry, _quota.SegmentOf(entry.Sequence).ReadPayload(entry)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LastError = $"could not read record {entry.Sequence} back from the spool: {e.Message}";
                lost.Add(entry);
            }
            if (result.Count >= max)
            {
                break;
            }
        }
        foreach (var entry in lost)
        {
            Acknowledge(entry.Sequence);
            Dropped++;
        }
        return result;
    }

    // The newest segment takes appends until it reaches SegmentBytes; then a new one is begun,
    // and the full one, if already acknowledged entirely, is deleted.
    private SpoolSegment ActiveFor(ulong sequence)
    {
        var last = _segments.Count > 0 ? _segments[^1] : null;
        if (last is { IsOpenForAppend: true } && last.Length < _options.SegmentBytes)
        {
            return last;
        }
        if (last is not null)
        {
            last.CloseForAppend();
            if (last.Live == 0)
            {
                _quota.Remove(last);
            }
        }
        var segment = SpoolSegment.Create(Directory, sequence);
        _segments.Add(segment);
        return segment;
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            segment.Dispose();
        }
    }
}
