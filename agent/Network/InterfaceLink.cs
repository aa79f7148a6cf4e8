using Warden.Agent.Procfs;

namespace Warden.Agent.Network;

/// <summary>
/// One interface of /sys/class/net: its operstate and carrier, re-read through kept handles.
/// </summary>
internal sealed class InterfaceLink : IDisposable
{
    private readonly string _directory;
    private ProcFile _operState;
    private ProcFile _carrier;

    public InterfaceLink(string classNet, string name)
    {
        Name = name;
        _directory = Path.Combine(classNet, name);
        _operState = new ProcFile(Path.Combine(_directory, "operstate"), 64);
        _carrier = new ProcFile(Path.Combine(_directory, "carrier"), 64);
    }

    public string Name { get; }

    /// <summary>Null when operstate could not be read or said something unknown to this agent.</summary>
    public OperState? State { get; private set; }

    /// <summary>Null where the kernel has no carrier to report (the interface is administratively down).</summary>
    public bool? Carrier { get; private set; }

    internal int Generation { get; set; }

    public void Refresh()
    {
        State = ReadOperState();
        // Reading carrier of an interface that is not up fails with EINVAL; operstate already says
        // "down" then, so skip the read instead of paying for an exception every pass.
        Carrier = State is null or OperState.Down or OperState.NotPresent ? null : ReadCarrier();
    }

    private OperState? ReadOperState()
    {
        if (TryRead(_operState, out var text))
        {
            return OperStateParser.TryParse(text, out var state) ? state : null;
        }
        // A kept handle of an interface deleted and created again under the same name answers
        // ENODEV for good: open both files afresh once and retry.
        _operState.Dispose();
        _carrier.Dispose();
        _operState = new ProcFile(_operState.Path, 64);
        _carrier = new ProcFile(_carrier.Path, 64);
        return TryRead(_operState, out text) && OperStateParser.TryParse(text, out var again) ? again : null;
    }

    private bool? ReadCarrier()
    {
        if (!TryRead(_carrier, out var text))
        {
            return null;
        }
        var word = text.TrimEnd("\n"u8);
        return word.SequenceEqual("1"u8) ? true : word.SequenceEqual("0"u8) ? false : null;
    }

    private static bool TryRead(ProcFile file, out ReadOnlySpan<byte> text)
    {
        try
        {
            return file.TryRead(out text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = default;
            return false;
        }
    }

    public void Dispose()
    {
        _operState.Dispose();
        _carrier.Dispose();
    }
}
