using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>file_descriptors: file handles allocated host-wide as a share of fs.file-max.</summary>
internal sealed class FileDescriptorsCheck : HostWideCheck, IDisposable
{
    public const string CheckName = "file_descriptors";
    private readonly ProcFile _fileNr;
    private readonly CheckSettings _settings;

    public FileDescriptorsCheck(CheckSettings settings, HostPaths paths)
        : base(CheckName, Component.System, settings)
    {
        _settings = settings;
        _fileNr = new ProcFile(Path.Combine(paths.Proc, "sys", "fs", "file-nr"), 128);
    }

    protected override CheckResult Evaluate()
    {
        if (KernelFileRead.TryRead(_fileNr, out var text, out var problem) != KernelFileState.Read)
        {
            return CheckResult.Unknown(problem);
        }
        return FileNrParser.TryParse(text, out var handles)
            ? Judge(handles, _settings.Threshold)
            : CheckResult.Unknown($"{_fileNr.Path} is not \"allocated unused max\"");
    }

    public static CheckResult Judge(FileHandles handles, Threshold threshold)
    {
        var pct = handles.UsedPct;
        if (double.IsNaN(pct))
        {
            return CheckResult.Unknown("fs.file-max is 0");
        }
        ReasonText reason = $"{pct:0.##} % of file handles in use ({handles.Allocated - Math.Min(handles.Unused, handles.Allocated)} of {handles.Max})";
        return new CheckResult(threshold.Judge(pct), pct, threshold.Describe("%"), reason);
    }

    public void Dispose() => _fileNr.Dispose();
}
