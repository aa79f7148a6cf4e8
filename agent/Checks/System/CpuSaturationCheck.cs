using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>
/// cpu_saturation: the busy share of all CPUs averaged over the interval since the previous
/// evaluation, so a saturation must last the whole interval to count, not one busy second.
/// </summary>
internal sealed class CpuSaturationCheck : HostWideCheck, IDisposable
{
    public const string CheckName = "cpu_saturation";
    private readonly ProcFile _stat;
    private readonly CheckSettings _settings;
    private readonly TimeProvider _time;
    private PerCpuTimes[] _perCpu = new PerCpuTimes[Environment.ProcessorCount];
    private PerCpuTimes[] _previousPerCpu = new PerCpuTimes[Environment.ProcessorCount];
    private int _previousCount;
    private CpuTimes? _previous;
    private long _previousStamp;

    public CpuSaturationCheck(CheckSettings settings, HostPaths paths, TimeProvider time)
        : base(CheckName, Component.System, settings)
    {
        _settings = settings;
        _time = time;
        _stat = new ProcFile(Path.Combine(paths.Proc, "stat"), 16 * 1024);
    }

    protected override CheckResult Evaluate()
    {
        if (KernelFileRead.TryRead(_stat, out var text, out var problem) != KernelFileState.Read)
        {
            return CheckResult.Unknown(problem);
        }
        if (!ProcStatParser.TryParse(text, out var stat))
        {
            return CheckResult.Unknown($"{_stat.Path} has no aggregate cpu line");
        }
        var count = PerCpuStatParser.Parse(text, _perCpu);
        if (count > _perCpu.Length)
        {
            // CPUs came online since start: grow once to the new count and keep that size.
            _perCpu = new PerCpuTimes[count];
            Array.Resize(ref _previousPerCpu, count);
            count = PerCpuStatParser.Parse(text, _perCpu);
        }

        var now = _time.GetTimestamp();
        var result = _previous is { } previous
            ? Judge(CpuSplit.Between(previous, stat.Total), _time.GetElapsedTime(_previousStamp, now),
                Busiest(_perCpu.AsSpan(0, count), _previousPerCpu.AsSpan(0, _previousCount)), _settings.Threshold)
            : CheckResult.Unknown("first reading of /proc/stat; the busy share is judged from the next evaluation on");
        _previous = stat.Total;
        _previousStamp = now;
        (_previousPerCpu, _perCpu) = (_perCpu, _previousPerCpu);
        _previousCount = count;
        return result;
    }

    /// <summary>Judges the interval's busy share; the busiest single CPU is named in the reason only.</summary>
    public static CheckResult Judge(CpuSplit split, TimeSpan interval, (int Cpu, double Busy) busiest, Threshold threshold)
    {
        if (!split.HasData)
        {
            return CheckResult.Unknown("no CPU time passed since the previous reading");
        }
        var busy = split.Busy;
        ReasonText hottest = busiest.Cpu >= 0 ? $"; busiest cpu{busiest.Cpu} {busiest.Busy:0.#} %" : default(ReasonText);
        ReasonText reason =
            $"busy {busy:0.#} % over {interval.TotalSeconds:0.#} s (user {split.User + split.Nice:0.#}, system {split.System:0.#}, irq {split.Irq + split.SoftIrq:0.#}, steal {split.Steal:0.#}, iowait {split.IoWait:0.#}{hottest})";
        return new CheckResult(threshold.Judge(busy), busy, threshold.Describe("%"), reason);
    }

    /// <summary>The CPU with the highest busy share between two per-CPU readings; (-1, NaN) if none.</summary>
    public static (int Cpu, double Busy) Busiest(ReadOnlySpan<PerCpuTimes> now, ReadOnlySpan<PerCpuTimes> before)
    {
        (int Cpu, double Busy) best = (-1, double.NaN);
        for (var i = 0; i < now.Length; i++)
        {
            var j = i < before.Length && before[i].Cpu == now[i].Cpu ? i : IndexOf(before, now[i].Cpu);
            if (j < 0)
            {
                continue;
            }
            var busy = CpuSplit.Between(before[j].Times, now[i].Times).Busy;
            if (!double.IsNaN(busy) && (best.Cpu < 0 || busy > best.Busy))
            {
                best = (now[i].Cpu, busy);
            }
        }
        return best;
    }

    // Only needed when CPUs went on- or offline between readings.
    private static int IndexOf(ReadOnlySpan<PerCpuTimes> cpus, int cpu)
    {
        for (var i = 0; i < cpus.Length; i++)
        {
            if (cpus[i].Cpu == cpu)
            {
                return i;
            }
        }
        return -1;
    }

    public void Dispose() => _stat.Dispose();
}
