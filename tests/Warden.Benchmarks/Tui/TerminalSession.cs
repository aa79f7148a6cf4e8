using System.Diagnostics;
using System.Globalization;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// A full-screen program in a detached tmux terminal of a fixed size, on its own tmux server socket
/// (never the user's). The program is exec'd, so the pane's process is the program itself and its
/// /proc/PID/status is the program's.
/// </summary>
internal sealed class TerminalSession : IDisposable
{
    private readonly string _socket = "warden-bench-" + Guid.NewGuid().ToString("N")[..8];

    private TerminalSession()
    {
    }

    public int Pid { get; private set; }

    public static TerminalSession Start(string warden, string aggregator, int width, int height)
    {
        var session = new TerminalSession();
        string command = $"exec '{warden}' --aggregator '{aggregator}'";
        session.Tmux("new-session", "-d", "-s", "bench", "-x", width.ToString(CultureInfo.InvariantCulture), "-y", height.ToString(CultureInfo.InvariantCulture), command);
        session.Pid = int.Parse(session.Tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").Trim(), CultureInfo.InvariantCulture);
        return session;
    }

    public string Screen() => Tmux("capture-pane", "-p", "-t", "bench");

    public void Type(string text) => Tmux("send-keys", "-t", "bench", "-l", text);

    public void Enter() => Tmux("send-keys", "-t", "bench", "Enter");

    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Screen().Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"warden did not show '{text}' within {timeout.TotalSeconds:F0} s; the screen:\n{Screen()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500)); // polling another process's screen, not waiting on logic
        }
    }

    /// <summary>The program's resident memory now.</summary>
    public ProcStatus Memory() => ProcStatus.Read(Pid);

    /// <summary>User plus system CPU time from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).</summary>
    public double CpuSeconds()
    {
        string stat = File.ReadAllText($"/proc/{Pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
    }
}
