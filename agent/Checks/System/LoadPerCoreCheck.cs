using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>load_per_core: the 1-minute load average divided by the CPUs online now (cpuN lines of /proc/stat).</summary>
internal sealed class LoadPerCoreCheck : HostWideCheck, IDisposable
{
    public const string CheckName = "load_per_core";
    private readonly ProcFile _loadavg;
    private readonly ProcFile _stat;
    private readonly CheckSettings _settings;

    public LoadPerCoreCheck(CheckSettings settings, HostPaths paths)
        : base(CheckName, Component.System, settings)
    {
        _settings = settings;
        _loadavg = new ProcFile(Path.Combine(paths.Proc, "loadavg"), 256);
        _stat = new ProcFile(Path.Combine(paths.Proc, "stat"), 16 * 1024);
    }

    protected override CheckResult Evaluate()
    {
        if (KernelFileRead.TryRead(_stat, out var statText, out var problem) != KernelFileState.Read)
        {
            return CheckResult.Unknown(problem);
        }
        if (!ProcStatParser.TryParse(statText, out var stat) || stat.OnlineCpus == 0)
        {
            return CheckResult.Unknown($"{_stat.Path} lists no cpuN lines to divide the load by");
        }
        if (KernelFileRead.TryRead(_loadavg, out var loadText, out problem) != KernelFileState.Read)
        {
            return CheckResult.Unknown(problem);
        }
        return LoadAvgParser.TryParse(loadText, out var load)
            ? Judge(load, stat.OnlineCpus, _settings.Threshold)
            : CheckResult.Unknown($"{_loadavg.Path} is not a load average");
    }

    public static CheckResult Judge(LoadAvg load, int onlineCpus, Threshold threshold)
    {
        if (onlineCpus <= 0)
        {
            return CheckResult.Unknown("no online CPUs to divide the load by");
        }
        var perCore = load.One / onlineCpus;
        ReasonText reason = $"load {perCore:0.##} per core ({load.One:0.##} over {onlineCpus} CPUs; 5 min {load.Five:0.##}, 15 min {load.Fifteen:0.##})";
        return new CheckResult(threshold.Judge(perCore), perCore, threshold.Describe("per core"), reason);
    }

    public void Dispose()
    {
        _loadavg.Dispose();
        _stat.Dispose();
    }
}
