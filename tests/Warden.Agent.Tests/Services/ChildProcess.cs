using System.Diagnostics;

namespace Warden.Agent.Tests.Services;

/// <summary>
/// A real process for process-table tests: a copy of /bin/sleep under a chosen file name (so its
/// comm is that name), killed and reaped when disposed.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private readonly Process _process;

    public ChildProcess(string name, params string[] arguments)
    {
        var path = _scratch.File(name);
        File.Copy("/bin/sleep", path); // keeps its mode, so it stays executable
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        Path = path;
    }

    public string Path { get; }

    public int Pid => _process.Id;

    /// <summary>Kills and reaps it, so its /proc entry is gone when this returns.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _scratch.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChildProcesses
{
    /// <summary>Tests that write executables and start them run one at a time: a fork elsewhere
    /// while a file is still open for writing would make exec fail with ETXTBSY.</summary>
    public const string Name = "child processes";
}
