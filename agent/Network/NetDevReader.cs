using Warden.Agent.Procfs;

namespace Warden.Agent.Network;

/// <summary>Reads /proc/net/dev into a <see cref="NetDevTable"/> and times the interval between reads.</summary>
internal sealed class NetDevReader : IDisposable
{
    private readonly ProcFile _file;
    private readonly TimeProvider _time;
    private long _lastRead;
    private bool _hasRead;

    public NetDevReader(string procRoot, TimeProvider time)
    {
        _file = new ProcFile(System.IO.Path.Combine(procRoot, "net", "dev"), 8192);
        _time = time;
    }

    public string Path => _file.Path;

    public NetDevTable Table { get; } = new();

    /// <summary>Time since the read before the last one; zero until two reads succeeded.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>False, with the reason, when the file is missing, unreadable or holds no interface line.</summary>
    public bool TryRead(out string problem)
    {
        ReadOnlySpan<byte> text;
        try
        {
            if (!_file.TryRead(out text))
            {
                problem = $"{_file.Path} does not exist";
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{_file.Path} could not be read: {e.Message}";
            return false;
        }
        var now = _time.GetTimestamp();
        Elapsed = _hasRead ? _time.GetElapsedTime(_lastRead, now) : TimeSpan.Zero;
        _lastRead = now;
        _hasRead = true;
        // Garbage empties the table, so the next good read is a fresh start without a rate.
        if (Table.Update(text) == 0)
        {
            problem = $"{_file.Path} holds no interface line";
            return false;
        }
        problem = "";
        return true;
    }

    public void Dispose() => _file.Dispose();
}
