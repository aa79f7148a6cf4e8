using System.Diagnostics;
using System.Reflection;

namespace Warden.Benchmarks.Ingest;

/// <summary>A server program (the aggregator, or the fleet simulator's bare sink) run with `dotnet`, on a loopback port it picks and writes to a file.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public int Id => _process.Id;

    /// <summary>Starts it with the runtime settings it ships with (the aggregator: workstation GC).</summary>
    public static ServerProcess Start(string program, string portFile, params string[] args) =>
        Start(program, portFile, new Dictionary<string, string>(), args);

    /// <summary>Starts it with these environment variables (the runtime's GC settings, say) and no others changed.</summary>
    public static ServerProcess Start(string program, string portFile, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll(program));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"[{program}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(portFile))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{program} did not start listening (exit {(process.HasExited ? process.ExitCode : -1)})");
            }
            Thread.Sleep(50); // waiting on another process to start, not on logic
        }
        return new ServerProcess(process, File.ReadAllText(portFile).Trim());
    }

    private static string Dll(string program)
    {
        var path = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == program).Value!;
        path = Path.GetFullPath(path.Replace('\\', '/'));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{program} was not built at {path}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
