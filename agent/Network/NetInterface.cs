namespace Warden.Agent.Network;

/// <summary>
/// One interface's slot in <see cref="NetDevTable"/>, reused every read. The name string is made
/// once, when the interface first appears.
/// </summary>
internal sealed class NetInterface
{
    private readonly byte[] _nameUtf8;

    public NetInterface(ReadOnlySpan<byte> nameUtf8)
    {
        _nameUtf8 = nameUtf8.ToArray();
        // Names are arbitrary bytes to the kernel; invalid UTF-8 shows as U+FFFD rather than failing.
        Name = System.Text.Encoding.UTF8.GetString(nameUtf8);
    }

    public string Name { get; }

    public NetDevCounters Counters { get; private set; }

    /// <summary>False on the first read after the interface appeared.</summary>
    public bool HasPrevious { get; private set; }

    public NetDevCounters Previous { get; private set; }

    internal int Generation { get; private set; }

    public bool NameIs(ReadOnlySpan<byte> nameUtf8) => nameUtf8.SequenceEqual(_nameUtf8);

    /// <summary>The counts since the previous read; false on the first read or a counter reset.</summary>
    public bool TryGetDelta(out NetDevCounters delta, out bool reset)
    {
        delta = default;
        reset = false;
        if (!HasPrevious)
        {
            return false;
        }
        reset = !Counters.TryDeltaSince(Previous, out delta);
        return !reset;
    }

    internal void Record(NetDevCounters counters, int generation)
    {
        HasPrevious = Generation != 0;
        Previous = Counters;
        Counters = counters;
        Generation = generation;
    }
}
