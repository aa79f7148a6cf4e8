using Warden.Agent.Procfs;

namespace Warden.Agent.Network;

/// <summary>Reads /proc/net/snmp through a reused handle.</summary>
internal sealed class SnmpReader : IDisposable
{
    private readonly ProcFile _file;

    public SnmpReader(string procRoot) => _file = new ProcFile(System.IO.Path.Combine(procRoot, "net", "snmp"), 4096);

    public string Path => _file.Path;

    /// <summary>False, with the reason, when the file is missing (no IPv4), unreadable or has no Tcp pair.</summary>
    public bool TryRead(out SnmpCounters counters, out string problem)
    {
        counters = default;
        ReadOnlySpan<byte> text;
        try
        {
            if (!_file.TryRead(out text))
            {
                problem = $"{_file.Path} does not exist (kernel without IPv4?)";
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{_file.Path} could not be read: {e.Message}";
            return false;
        }
        if (!SnmpParser.TryParse(text, out counters))
        {
            problem = $"{_file.Path} has no complete Tcp lines with OutSegs, RetransSegs, InErrs and CurrEstab";
            return false;
        }
        problem = "";
        return true;
    }

    public void Dispose() => _file.Dispose();
}
