using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Network;

/// <summary>
/// Lists /sys/class/net and reads each interface's state. A link's slot, name and handles are made
/// when the interface first appears and dropped when it goes.
/// </summary>
internal sealed class InterfaceStateReader : IDisposable
{
    // Interfaces are symlinks to directories; "bonding_masters" (bonding driver) is a plain file.
    // Names may start with '.'. The listing is kept open so that a refresh allocates nothing.
    private readonly string _classNet;
    private readonly DirectoryListing _listing;
    private readonly List<InterfaceLink> _links = [];
    private readonly DirectoryListing.Visitor _visit;
    private int _generation;

    public InterfaceStateReader(string sysRoot)
    {
        _classNet = System.IO.Path.Combine(sysRoot, "class", "net");
        _listing = new DirectoryListing(_classNet);
        _visit = Visit;
    }

    public string Path => _classNet;

    /// <summary>Sorted by name, as of the last read.</summary>
    public IReadOnlyList<InterfaceLink> Links => _links;

    /// <summary>False, with the reason, when /sys/class/net cannot be listed.</summary>
    public bool TryRead(out string problem)
    {
        _generation++;
        try
        {
            _listing.List(_visit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{_classNet} could not be listed: {e.Message}";
            return false;
        }
        for (var i = _links.Count - 1; i >= 0; i--)
        {
            if (_links[i].Generation != _generation)
            {
                _links[i].Dispose();
                _links.RemoveAt(i);
            }
        }
        for (var i = 0; i < _links.Count; i++)
        {
            _links[i].Refresh();
        }
        problem = "";
        return true;
    }

    private void Visit(ReadOnlySpan<byte> utf8Name, bool isDirectory)
    {
        Span<char> name = stackalloc char[256];
        if (!isDirectory || utf8Name.Length > name.Length)
        {
            return;
        }
        name = name[..Encoding.UTF8.GetChars(utf8Name, name)];
        for (var i = 0; i < _links.Count; i++)
        {
            if (name.SequenceEqual(_links[i].Name))
            {
                _links[i].Generation = _generation;
                return;
            }
        }
        var added = new InterfaceLink(_classNet, name.ToString()) { Generation = _generation };
        _links.Add(added);
        _links.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
    }

    public void Dispose()
    {
        _listing.Dispose();
        foreach (var link in _links)
        {
            link.Dispose();
        }
    }
}
