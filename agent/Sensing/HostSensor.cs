using Warden.Agent.Procfs;

namespace Warden.Agent.Sensing;

/// <summary>
/// Reads CPU, memory and load from a proc tree. CPU shares are computed over the interval since the
/// previous call, so the first call yields no CPU data.
/// </summary>
internal sealed class HostSensor : IDisposable
{
    private readonly ProcFile _stat;
    private readonly ProcFile _meminfo;
    private readonly ProcFile _loadavg;
    private CpuTimes? _previousCpu;

    public HostSensor(string procRoot)
    {
        _stat = new ProcFile(System.IO.Path.Combine(procRoot, "stat"), 16 * 1024);
        _meminfo = new ProcFile(System.IO.Path.Combine(procRoot, "meminfo"));
        _loadavg = new ProcFile(System.IO.Path.Combine(procRoot, "loadavg"), 256);
    }

    /// <summary>Online CPUs seen in the last /proc/stat read (0 before the first).</summary>
    public int OnlineCpus { get; private set; }

    public ulong BootTimeUnixSeconds { get; private set; }

    /// <summary>Names the files that could not be parsed in the last pass, for the log.</summary>
    public string? LastProblem { get; private set; }

    public void Sense(HostReadings into)
    {
        into.Clear();
        LastProblem = null;

        if (Read(_stat, out var statText) && ProcStatParser.TryParse(statText, out var stat))
        {
            OnlineCpus = stat.OnlineCpus;
            BootTimeUnixSeconds = stat.BootTimeUnixSeconds;
            if (_previousCpu is { } previous)
            {
                var shares = stat.Total.SharesSince(previous);
                into[ReadingId.CpuBusyPct] = shares.Busy;
                into[ReadingId.CpuIowaitPct] = shares.IoWait;
                into[ReadingId.CpuStealPct] = shares.Steal;
            }
            _previousCpu = stat.Total;
        }
        else
        {
            Problem(_stat);
        }

        if (Read(_meminfo, out var memText) && MeminfoParser.TryParse(memText, out var mem))
        {
            into[ReadingId.MemTotalBytes] = mem.TotalBytes;
            into[ReadingId.MemAvailableBytes] = mem.AvailableBytes;
            into[ReadingId.MemUsedPct] = mem.UsedPct;
            into[ReadingId.SwapUsedBytes] = mem.SwapUsedBytes;
        }
        else
        {
            Problem(_meminfo);
        }

        if (Read(_loadavg, out var loadText) && LoadAvgParser.TryParse(loadText, out var load))
        {
            into[ReadingId.Load1] = load.One;
            into[ReadingId.Load5] = load.Five;
            into[ReadingId.Load15] = load.Fifteen;
            if (OnlineCpus > 0)
            {
                into[ReadingId.LoadPerCore] = load.One / OnlineCpus;
            }
        }
        else
        {
            Problem(_loadavg);
        }
    }

    private static bool Read(ProcFile file, out ReadOnlySpan<byte> text)
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

    private void Problem(ProcFile file) =>
        LastProblem = LastProblem is null ? file.Path : $"{LastProblem}, {file.Path}";

    public void Dispose()
    {
        _stat.Dispose();
        _meminfo.Dispose();
        _loadavg.Dispose();
    }
}
