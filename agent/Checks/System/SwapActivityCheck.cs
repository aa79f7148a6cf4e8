using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>
/// swap_activity: pages swapped in plus out per second (vmstat pswpin + pswpout) since the previous
/// evaluation. Swap in use is harmless; moving pages in and out is what makes a host slow.
/// </summary>
internal sealed class SwapActivityCheck : HostWideCheck, IDisposable
{
    public const string CheckName = "swap_activity";
    private readonly ProcFile _vmstat;
    private readonly CheckSettings _settings;
    private readonly CounterSince _swapped;

    public SwapActivityCheck(CheckSettings settings, HostPaths paths, TimeProvider time)
        : base(CheckName, Component.System, settings)
    {
        _settings = settings;
        _vmstat = new ProcFile(Path.Combine(paths.Proc, "vmstat"), 8 * 1024);
        _swapped = new CounterSince(time);
    }

    protected override CheckResult Evaluate()
    {
        if (KernelFileRead.TryRead(_vmstat, out var text, out var problem) != KernelFileState.Read)
        {
            _swapped.Reset();
            return CheckResult.Unknown(problem);
        }
        var counters = VmstatParser.Parse(text);
        if (counters.SwapIn is not { } swapIn || counters.SwapOut is not { } swapOut)
        {
            _swapped.Reset();
            return CheckResult.Unknown($"{_vmstat.Path} has no pswpin and pswpout (a kernel without swap support)");
        }
        return _swapped.TryAdvance(swapIn + swapOut, out var pages, out var elapsed)
            ? Judge(pages, elapsed, _settings.Threshold)
            : CheckResult.Unknown("first reading of pswpin and pswpout (or they went back); the rate is judged from the next evaluation on");
    }

    public static CheckResult Judge(ulong pagesSwapped, TimeSpan elapsed, Threshold threshold)
    {
        if (elapsed <= TimeSpan.Zero)
        {
            return CheckResult.Unknown("no time passed since the previous reading");
        }
        var rate = pagesSwapped / elapsed.TotalSeconds;
        ReasonText reason = $"{rate:0.#} pages/s swapped in and out ({pagesSwapped} pages in {elapsed.TotalSeconds:0.#} s)";
        return new CheckResult(threshold.Judge(rate), rate, threshold.Describe("pages/s"), reason);
    }

    public void Dispose() => _vmstat.Dispose();
}
