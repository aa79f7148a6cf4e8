using Warden.Agent.Procfs;
using System.Buffers.Text;
using System.IO.Enumeration;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Warden.Agent.Services;

/// <summary>
/// Counts the processes in /proc that a rule matches. One pass lists the numeric directories and
/// reads /proc/PID/stat (and /proc/PID/cmdline when the rule needs it) into buffers kept between
/// scans; the only allocations per process are its path and file handle. A process that exits
/// mid-scan (ENOENT, ESRCH) is skipped, as is one whose files cannot be read.
/// </summary>
internal sealed class ProcessTable
{
    /// <summary>Longer command lines are matched by their first 64 KiB.</summary>
    private const int MaxCmdline = 64 * 1024;

    private readonly string _procRoot;
    private readonly Lock _gate = new();
    private byte[] _bytes = new byte[4096];
    private char[] _chars = new char[4096];

    public ProcessTable(string procRoot) => _procRoot = procRoot;

    /// <exception cref="IOException">The proc root itself cannot be listed.</exception>
    public ProcessCount Count(ProcessMatcher matcher)
    {
        lock (_gate)
        {
            int matched = 0, firstPid = 0, scanned = 0, unreadable = 0;
            foreach (var pid in ListPids())
            {
                scanned++;
                var found = TryMatch(pid, matcher);
                if (found is null)
                {
                    unreadable++;
                }
                else if (found.Value)
                {
                    matched++;
                    firstPid = firstPid == 0 ? pid : firstPid;
                }
            }
            return new ProcessCount(matched, firstPid, scanned, unreadable);
        }
    }

    /// <summary>The running processes the rule matches (for the heal action that signals them).</summary>
    /// <exception cref="IOException">The proc root itself cannot be listed.</exception>
    public List<int> Matching(ProcessMatcher matcher)
    {
        lock (_gate)
        {
            var pids = new List<int>();
            foreach (var pid in ListPids())
            {
                if (TryMatch(pid, matcher) == true)
                {
                    pids.Add(pid);
                }
            }
            return pids;
        }
    }

    private FileSystemEnumerable<int> ListPids() =>
        new(_procRoot, static (ref FileSystemEntry entry) => ParsePid(entry.FileName), new EnumerationOptions { AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => entry.IsDirectory && ParsePid(entry.FileName) > 0,
        };

    private static int ParsePid(ReadOnlySpan<char> name)
    {
        Span<byte> ascii = stackalloc byte[10];
        if (name.IsEmpty || name.Length > ascii.Length || Encoding.ASCII.GetBytes(name, ascii) != name.Length)
        {
            return 0;
        }
        return Utf8Parser.TryParse(ascii[..name.Length], out int pid, out var used) && used == name.Length && pid > 0 ? pid : 0;
    }

    /// <summary>True or false when judged; null when the process vanished or could not be read.</summary>
    private bool? TryMatch(int pid, ProcessMatcher matcher)
    {
        var directory = Path.Combine(_procRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var length = ReadInto(Path.Combine(directory, "stat"), 4096);
        if (length < 0 || !ProcPidStat.TryParseComm(_bytes.AsSpan(0, length), out var comm, out var state))
        {
            return null;
        }
        if (state is (byte)'Z' or (byte)'X')
        {
            return false; // exited, not yet reaped: not running
        }
        if (!matcher.NeedsCmdline)
        {
            return matcher.MatchesComm(comm);
        }
        length = ReadInto(Path.Combine(directory, "cmdline"), MaxCmdline);
        if (length < 0)
        {
            return null;
        }
        return matcher.MatchesCmdline(DecodeCmdline(_bytes.AsSpan(0, length)));
    }

    /// <summary>"arg0\0arg1\0" becomes "arg0 arg1"; invalid UTF-8 becomes U+FFFD.</summary>
    private ReadOnlySpan<char> DecodeCmdline(ReadOnlySpan<byte> raw)
    {
        raw = raw.TrimEnd((byte)0);
        if (_chars.Length < raw.Length)
        {
            _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        }
        var count = Encoding.UTF8.GetChars(raw, _chars);
        var text = _chars.AsSpan(0, count);
        text.Replace('\0', ' ');
        return text;
    }

    /// <summary>Bytes read into the shared buffer (at most <paramref name="limit"/>), or -1 when gone or unreadable.</summary>
    private int ReadInto(string path, int limit)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var total = 0;
            while (true)
            {
                if (total == _bytes.Length)
                {
                    if (_bytes.Length >= limit)
                    {
                        return total;
                    }
                    Array.Resize(ref _bytes, Math.Min(limit, _bytes.Length * 2));
                }
                var read = RandomAccess.Read(handle, _bytes.AsSpan(total), total);
                if (read == 0)
                {
                    return total;
                }
                total += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // FileNotFound/DirectoryNotFound: exited before we looked; IOException "No such process"
            // (ESRCH): exited while we read; UnauthorizedAccess: hidden from us.
            return -1;
        }
    }
}

/// <param name="Matched">Running processes that match.</param>
/// <param name="FirstPid">The lowest-listed matching pid, 0 when none.</param>
/// <param name="Scanned">Process directories looked at.</param>
/// <param name="Skipped">Those that vanished mid-scan or could not be read.</param>
internal readonly record struct ProcessCount(int Matched, int FirstPid, int Scanned, int Skipped);
