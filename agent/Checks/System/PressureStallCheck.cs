using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>
/// pressure_stall: PSI "some avg10" (% of the last 10 s in which some task waited) for cpu, memory
/// and io, one outcome each. A kernel without PSI (before 4.20, or booted with psi=0) has no
/// /proc/pressure: that is UNKNOWN with a plain reason, not an error.
/// </summary>
internal sealed class PressureStallCheck : ICheck, IDisposable
{
    public const string CheckName = "pressure_stall";
    private static readonly string[] Resources = ["cpu", "memory", "io"];
    private readonly ProcFile[] _files;
    private readonly string _directory;
    private readonly CheckSettings _settings;

    public PressureStallCheck(CheckSettings settings, HostPaths paths)
    {
        _settings = settings;
        _directory = Path.Combine(paths.Proc, "pressure");
        _files = Array.ConvertAll(Resources, r => new ProcFile(Path.Combine(_directory, r), 256));
    }

    public string Name => CheckName;

    public Component Component => Component.System;

    public TimeSpan Interval => _settings.Interval;

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Resources.Length; i++)
        {
            results.Add(new CheckOutcome(Name, Resources[i], Component, Evaluate(i)));
        }
        return ValueTask.CompletedTask;
    }

    private CheckResult Evaluate(int i)
    {
        switch (KernelFileRead.TryRead(_files[i], out var text, out var problem))
        {
            case KernelFileState.Missing:
                return CheckResult.Unknown(Directory.Exists(_directory)
                    ? $"this kernel has no PSI for {Resources[i]} ({_files[i].Path} does not exist)"
                    : $"this kernel has no PSI ({_directory} does not exist)");
            case KernelFileState.Failed:
                return CheckResult.Unknown(problem);
        }
        return PressureParser.TryParse(text, out var pressure)
            ? Judge(Resources[i], pressure, _settings.Threshold)
            : CheckResult.Unknown($"{_files[i].Path} has no \"some avg10=... total=...\" line");
    }

    public static CheckResult Judge(string resource, Pressure pressure, Threshold threshold)
    {
        var some = pressure.Some;
        ReasonText full = pressure.Full is { } f ? $", all tasks {f.Avg10:0.##} %" : default(ReasonText);
        ReasonText reason = $"{resource}: some tasks stalled {some.Avg10:0.##} % of the last 10 s (60 s {some.Avg60:0.##} %, 300 s {some.Avg300:0.##} %{full})";
        return new CheckResult(threshold.Judge(some.Avg10), some.Avg10, threshold.Describe("%"), reason);
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}
