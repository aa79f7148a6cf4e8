using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>
/// oom_kills: processes the kernel's OOM killer killed since the previous evaluation (vmstat
/// oom_kill, kernel 4.13+). Kills before the agent's first reading are history, not news.
/// </summary>
internal sealed class OomKillsCheck : HostWideCheck, IDisposable
{
    public const string CheckName = "oom_kills";
    private readonly ProcFile _vmstat;
    private readonly CheckSettings _settings;
    private readonly CounterSince _kills;

    public OomKillsCheck(CheckSettings settings, HostPaths paths, TimeProvider time)
        : base(CheckName, Component.System, settings)
    {
        _settings = settings;
        _vmstat = new ProcFile(Path.Combine(paths.Proc, "vmstat"), 8 * 1024);
        _kills = new CounterSince(time);
    }

    protected override CheckResult Evaluate()
    {
        if (KernelFileRead.TryRead(_vmstat, out var text, out var problem) != KernelFileState.Read)
        {
            _kills.Reset();
            return CheckResult.Unknown(problem);
        }
        if (VmstatParser.Parse(text).OomKill is not { } sinceBoot)
        {
            _kills.Reset();
            return CheckResult.Unknown($"{_vmstat.Path} has no oom_kill (kernel before 4.13)");
        }
        return _kills.TryAdvance(sinceBoot, out var kills, out var elapsed)
            ? Judge(kills, sinceBoot, elapsed, _settings.Threshold)
            : CheckResult.Unknown($"first reading of oom_kill ({sinceBoot} since boot); new kills are counted from the next evaluation on");
    }

    public static CheckResult Judge(ulong newKills, ulong sinceBoot, TimeSpan elapsed, Threshold threshold)
    {
        ReasonText reason = $"{newKills} processes killed by the OOM killer in the last {elapsed.TotalSeconds:0.#} s ({sinceBoot} since boot)";
        return new CheckResult(threshold.Judge(newKills), newKills, threshold.Describe("kills"), reason);
    }

    public void Dispose() => _vmstat.Dispose();
}
