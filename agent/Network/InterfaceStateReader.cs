using System.IO.Enumeration;

namespace Warden.Agent.Network;

/// <summary>
/// Lists /sys/class/net and reads each interface's state. A link's slot, name and handles are made
/// when the interface first appears and dropped when it goes.
/// </summary>
internal sealed class InterfaceStateReader : IDisposable
{
    // Interfaces are symlinks to directories; "bonding_masters" (bonding driver) is a plain file.
    // Names may start with '.', which .NET would otherwise skip as hidden.
    private static readonly EnumerationOptions Listing = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly string _classNet;
    private readonly List<InterfaceLink> _links = [];
    private readonly FileSystemEnumerable<InterfaceLink?>.FindTransform _visit;
    private int _generation;

    public InterfaceStateReader(string sysRoot)
    {
        _classNet = System.IO.Path.Combine(sysRoot, "class", "net");
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
            foreach (var link in new FileSystemEnumerable<InterfaceLink?>(_classNet, _visit, Listing))
            {
                if (link is not null)
                {
                    link.Generation = _generation;
                }
            }
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
        foreach (var link in _links)
        {
            link.Refresh();
        }
        problem = "";
        return true;
    }

    private InterfaceLink? Visit(ref FileSystemEntry entry)
    {
        if (!entry.IsDirectory)
        {
            return null;
        }
        var name = entry.FileName;
        foreach (var link in _links)
        {
            if (name.SequenceEqual(link.Name))
            {
                return link;
            }
        }
        var added = new InterfaceLink(_classNet, name.ToString());
        _links.Add(added);
        _links.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return added;
    }

    public void Dispose()
    {
        foreach (var link in _links)
        {
            link.Dispose();
        }
    }
}
