using System.Buffers.Text;
using System.Text;

namespace Warden.Agent.State;

/// <summary>
/// The agent's record sequence, persisted in the state folder so a number is never used twice
/// across restarts (the aggregator dedupes by host and sequence). When the file is missing (first
/// start, or the state folder was lost) the counter is unknown until the aggregator's Welcome says
/// what it has stored; records made before that wait unnumbered.
/// </summary>
internal sealed class SequenceCounter : IDisposable
{
    private const int Width = 20;
    private readonly FileStream _file;
    private readonly object _gate = new();
    private ulong _last;

    private SequenceCounter(FileStream file, ulong last, bool known)
    {
        _file = file;
        _last = last;
        IsKnown = known;
    }

    public bool IsKnown { get; private set; }

    public ulong Last
    {
        get { lock (_gate) { return _last; } }
    }

    /// <exception cref="IOException">The state folder cannot hold the counter file.</exception>
    public static SequenceCounter Open(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, "sequence");
        var existed = File.Exists(path);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        if (!existed || file.Length == 0)
        {
            return new SequenceCounter(file, 0, known: false);
        }
        Span<byte> bytes = stackalloc byte[Width + 1];
        var read = file.Read(bytes);
        var text = bytes[..read].TrimEnd((byte)'\n').Trim((byte)' ');
        if (!Utf8Parser.TryParse(text, out ulong last, out var used) || used != text.Length)
        {
            // A damaged counter is treated like a lost one: the aggregator's Welcome re-seeds it.
            return new SequenceCounter(file, 0, known: false);
        }
        return new SequenceCounter(file, last, known: true);
    }

    /// <summary>Seeds or raises the counter from what the aggregator has stored.</summary>
    public void EnsureAbove(ulong storedAtAggregator)
    {
        lock (_gate)
        {
            if (!IsKnown || storedAtAggregator > _last)
            {
                _last = Math.Max(_last, storedAtAggregator);
                IsKnown = true;
                Persist();
            }
        }
    }

    /// <summary>Takes the next number; it is on disk before it is used.</summary>
    public ulong Next()
    {
        lock (_gate)
        {
            if (!IsKnown)
            {
                throw new InvalidOperationException("the sequence is not known yet; wait for the aggregator's Welcome");
            }
            _last++;
            Persist();
            return _last;
        }
    }

    /// <summary>
    /// The number the next record gets, not yet taken: the spool writes the record first and then
    /// calls <see cref="Advance"/>, so a kill in between leaves the number in the spool (where the
    /// next start finds it), never burnt without a record.
    /// </summary>
    public ulong PeekNext()
    {
        lock (_gate)
        {
            if (!IsKnown)
            {
                throw new InvalidOperationException("the sequence is not known yet; wait for the aggregator's Welcome");
            }
            return _last + 1;
        }
    }

    /// <summary>Records that <paramref name="used"/> is taken.</summary>
    public void Advance(ulong used)
    {
        lock (_gate)
        {
            if (used > _last)
            {
                _last = used;
                Persist();
            }
        }
    }

    private void Persist()
    {
        // Fixed width, one write at offset 0, so the file never holds a mix of two numbers.
        Span<byte> bytes = stackalloc byte[Width + 1];
        Encoding.ASCII.GetBytes(_last.ToString("D20", System.Globalization.CultureInfo.InvariantCulture), bytes);
        bytes[Width] = (byte)'\n';
        _file.Position = 0;
        _file.Write(bytes);
        _file.Flush(flushToDisk: true);
    }

    public void Dispose() => _file.Dispose();
}
