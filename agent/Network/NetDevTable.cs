namespace Warden.Agent.Network;

/// <summary>
/// The interfaces of /proc/net/dev, kept between reads so that each has its previous counters.
/// Slots are reused; an interface that disappears loses its slot, and one that comes back starts
/// afresh (its first read has no rate).
/// </summary>
internal sealed class NetDevTable
{
    private readonly List<NetInterface> _interfaces = [];
    private int _generation;

    /// <summary>In the file's order, as of the last update.</summary>
    public IReadOnlyList<NetInterface> Interfaces => _interfaces;

    /// <summary>Parses one read of the file; returns how many interface lines it held.</summary>
    public int Update(ReadOnlySpan<byte> text)
    {
        _generation++;
        var parsed = 0;
        var hint = 0;
        while (!text.IsEmpty)
        {
            var line = Procfs.SpanFields.NextLine(ref text);
            if (!NetDevParser.TryParseLine(line, out var name, out var counters))
            {
                continue;
            }
            var index = IndexOf(name, hint);
            if (index < 0)
            {
                index = _interfaces.Count;
                _interfaces.Add(new NetInterface(name));
            }
            if (_interfaces[index].Generation == _generation)
            {
                continue; // a name twice in one read is garbage; the first line stands
            }
            _interfaces[index].Record(counters, _generation);
            hint = index + 1;
            parsed++;
        }
        for (var i = _interfaces.Count - 1; i >= 0; i--)
        {
            if (_interfaces[i].Generation != _generation)
            {
                _interfaces.RemoveAt(i);
            }
        }
        return parsed;
    }

    // The kernel lists devices in a stable order, so the slot after the last match is almost always
    // the next one; a full scan is the fallback when interfaces come and go.
    private int IndexOf(ReadOnlySpan<byte> name, int hint)
    {
        if (hint < _interfaces.Count && _interfaces[hint].NameIs(name))
        {
            return hint;
        }
        for (var i = 0; i < _interfaces.Count; i++)
        {
            if (_interfaces[i].NameIs(name))
            {
                return i;
            }
        }
        return -1;
    }
}
