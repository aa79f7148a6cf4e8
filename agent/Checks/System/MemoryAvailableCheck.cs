using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>memory_available: MemAvailable as a share of MemTotal; lower is worse.</summary>
internal sealed class MemoryAvailableCheck : HostWideCheck, IDisposable
{
    public const string CheckName = "memory_available";
    private readonly ProcFile _meminfo;
    private readonly CheckSettings _settings;

    public MemoryAvailableCheck(CheckSettings settings, HostPaths paths)
        : base(CheckName, Component.System, settings)
    {
        _settings = settings;
        _meminfo = new ProcFile(Path.Combine(paths.Proc, "meminfo"));
    }

    protected override CheckResult Evaluate()
    {
        if (KernelFileRead.TryRead(_meminfo, out var text, out var problem) != KernelFileState.Read)
        {
            return CheckResult.Unknown(problem);
        }
        return MeminfoParser.TryParse(text, out var info)
            ? Judge(info, _settings.Threshold)
            : CheckResult.Unknown($"{_meminfo.Path} has no MemTotal and MemFree");
    }

    public static CheckResult Judge(Meminfo info, Threshold threshold)
    {
        var pct = 100.0 * info.AvailableBytes / info.TotalBytes;
        ReasonText reason = $"{pct:0.#} % of memory available ({info.AvailableBytes / Gib:0.##} of {info.TotalBytes / Gib:0.##} GiB)";
        return new CheckResult(threshold.Judge(pct), pct, threshold.Describe("%"), reason);
    }

    private const double Gib = 1024.0 * 1024 * 1024;

    public void Dispose() => _meminfo.Dispose();
}
