using System.Buffers.Text;
using System.Runtime.InteropServices;
using Warden.Agent.Cgroups;
using Warden.Agent.Procfs;

namespace Warden.Agent.Vms;

/// <summary>
/// Finds running KVM/QEMU guests by scanning /proc for qemu-system-* and qemu-kvm processes, naming them
/// from -name (or -uuid), then from libvirt's runtime directory when the command line says nothing.
/// A process that exits mid-scan is skipped.
/// </summary>
/// <remarks>
/// Allocates nothing once warm (issue 3): the listing and the file reads reuse buffers, and each process
/// run (pid and start time) is classified once, so a running guest's command line is parsed when it
/// starts, not every scan. Per scan a process costs a read of its stat; a guest also a read of its cgroup
/// file, compared with the bytes its <see cref="RunningGuest"/> was made from. New objects are made only
/// when a guest starts, stops or moves cgroup, and for a QEMU process that only libvirt can name.
/// </remarks>
internal sealed class GuestDiscovery : IDisposable
{
    private static readonly Comparison<RunningGuest> ByName = static (a, b) => string.CompareOrdinal(a.Name, b.Name);

    private readonly string _libvirtRuntimeDirectory;
    private readonly DirectoryListing _listing;
    private readonly DirectoryListing.Visitor _visit;
    private readonly ProcessFileReader _files;
    private readonly Dictionary<int, ProcessRun> _runs = new(512);
    private readonly List<RunningGuest> _found = [];
    private readonly Lock _lock = new();
    private RunningGuest[] _last = [];
    private Dictionary<int, LibvirtDomain>? _libvirtByPid;
    private int _generation;

    public GuestDiscovery(string procRoot, string libvirtRuntimeDirectory)
    {
        _libvirtRuntimeDirectory = libvirtRuntimeDirectory;
        _listing = new DirectoryListing(procRoot);
        _files = new ProcessFileReader(procRoot);
        _visit = Visit;
    }

    /// <summary>The running guests by name; the same list object as the previous scan's while nothing changed.</summary>
    /// <exception cref="IOException">The proc root cannot be listed.</exception>
    public IReadOnlyList<RunningGuest> Scan()
    {
        lock (_lock)
        {
            _generation++;
            _found.Clear();
            _libvirtByPid = null;
            _listing.List(_visit);
            Forget();
            _found.Sort(ByName);
            if (!Unchanged())
            {
                _last = [.. _found];
            }
            return _last;
        }
    }

    public void Dispose() => _listing.Dispose();

    private bool Unchanged()
    {
        if (_found.Count != _last.Length)
        {
            return false;
        }
        for (var i = 0; i < _last.Length; i++)
        {
            if (!ReferenceEquals(_found[i], _last[i]))
            {
                return false;
            }
        }
        return true;
    }

    private void Visit(ReadOnlySpan<byte> name, bool isDirectory)
    {
        if (!isDirectory || name.Length is 0 or > 9 || !Utf8Parser.TryParse(name, out int pid, out var used) || used != name.Length || pid <= 0)
        {
            return;
        }
        if (!_files.TryRead(pid, "stat"u8, out var stat) || !ProcPidStat.TryParse(stat, out var comm, out var times))
        {
            return;
        }
        ref var run = ref CollectionsMarshal.GetValueRefOrAddDefault(_runs, pid, out var known);
        // exec(2) keeps the pid and start time but changes comm: a child seen between fork and exec of qemu
        // is classified again once it has become qemu. Inside exec, comm is already new while the command
        // line still reads empty: an empty one is read once more next scan before it counts (kernel threads).
        var commHash = CommHash(comm);
        var sameRun = known && run.StartTicks == times.StartTicks && run.CommHash == commHash;
        if (!sameRun || run.Unsettled)
        {
            run = Classify(pid, times.StartTicks, lastTry: sameRun);
            run.CommHash = commHash;
        }
        run.Generation = _generation;
        if (!run.IsQemu || times.State is 'Z' or 'X')
        {
            return;
        }
        if (run.Guest is null || !SameCgroup(pid, run.CgroupSource))
        {
            run.Guest = Describe(pid, ref run);
        }
        if (run.Guest is { } guest)
        {
            _found.Add(guest);
        }
    }

    /// <summary>A new process run: QEMU or not, and its name and uuid from the command line when it has them.</summary>
    private ProcessRun Classify(int pid, ulong startTicks, bool lastTry)
    {
        var run = new ProcessRun { StartTicks = startTicks };
        if (!_files.TryRead(pid, "cmdline"u8, out var cmdline) || cmdline.IsEmpty)
        {
            run.Unsettled = !lastTry;
        }
        else if (QemuCommandLine.TryParse(cmdline, out var name, out var uuid))
        {
            run.IsQemu = true;
            run.Name = name;
            run.Uuid = uuid;
        }
        return run;
    }

    /// <summary>The guest as it runs now; null while neither its command line nor libvirt names it.</summary>
    private RunningGuest? Describe(int pid, ref ProcessRun run)
    {
        string? name = run.Name, uuid = run.Uuid;
        if (name is null && LibvirtByPid().TryGetValue(pid, out var domain))
        {
            name = domain.Name;
            uuid ??= domain.Uuid;
        }
        name ??= uuid;
        if (name is null)
        {
            return null;
        }
        byte[]? cgroupBytes = null;
        CgroupMembership? cgroup = null;
        if (_files.TryRead(pid, "cgroup"u8, out var text))
        {
            cgroupBytes = text.ToArray();
            cgroup = CgroupMembership.TryParse(text, out var membership) ? membership.AtScope() : null;
        }
        run.CgroupSource = cgroupBytes;
        return new RunningGuest(name, uuid, pid, run.StartTicks, cgroup);
    }

    /// <summary>libvirt moves a guest into its machine scope after it starts: follow it when /proc/PID/cgroup changes.</summary>
    private bool SameCgroup(int pid, byte[]? source)
    {
        var readable = _files.TryRead(pid, "cgroup"u8, out var text);
        return source is null ? !readable : readable && text.SequenceEqual(source);
    }

    /// <summary>Read at most once a scan, and only for a QEMU process whose command line names nothing.</summary>
    private Dictionary<int, LibvirtDomain> LibvirtByPid()
    {
        if (_libvirtByPid is null)
        {
            _libvirtByPid = [];
            foreach (var domain in LibvirtDirectory.Read(_libvirtRuntimeDirectory))
            {
                if (domain.Pid is { } pid)
                {
                    _libvirtByPid.TryAdd(pid, domain);
                }
            }
        }
        return _libvirtByPid;
    }

    /// <summary>Drops the processes this scan did not see, and keeps room for as many again as are alive.</summary>
    private void Forget()
    {
        // Removing while enumerating is allowed for Dictionary (since .NET Core 3.0) and allocates nothing.
        foreach (var (pid, run) in _runs)
        {
            if (run.Generation != _generation)
            {
                _runs.Remove(pid);
            }
        }
        _runs.EnsureCapacity(_runs.Count * 2);
    }

    /// <summary>FNV-1a over the comm bytes (at most 15): no string per process per scan.</summary>
    private static ulong CommHash(ReadOnlySpan<byte> comm)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in comm)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>One process run as last seen; <see cref="Guest"/> is kept while its run and cgroup last.</summary>
    private struct ProcessRun
    {
        public ulong StartTicks;
        public ulong CommHash; // of /proc/PID/stat's comm, which exec changes
        public bool Unsettled; // the command line read empty: read it again next scan, once
        public int Generation;
        public bool IsQemu;
        public string? Name;
        public string? Uuid;
        public RunningGuest? Guest;
        public byte[]? CgroupSource; // the /proc/PID/cgroup bytes Guest was made from
    }
}
