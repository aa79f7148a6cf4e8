using System.Diagnostics;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>
/// A real terminal for a full-screen program: a detached tmux session of a fixed size on its own
/// server socket (never the user's tmux). Keys go in with send-keys; the screen comes back with
/// capture-pane. Killed, with its server, when disposed.
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    private readonly string _socket = $"warden-e2e-{Guid.NewGuid():N}";
    private const string Session = "warden";

    private TmuxTerminal()
    {
    }

    /// <summary>Runs `dotnet PROGRAM.dll ARGS` in a new width x height terminal.</summary>
    public static TmuxTerminal Start(string program, int width, int height, params string[] args)
    {
        var terminal = new TmuxTerminal();
        string command = string.Join(' ', new[] { "dotnet", ProgramUnderTest.Dll(program) }.Concat(args).Select(Quote));

        // remain-on-exit keeps the pane after the program ends, so a test can see it ended and how.
        terminal.Tmux("new-session", "-d", "-s", Session, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), command);
        terminal.Tmux("set-option", "-t", Session, "remain-on-exit", "on");
        return terminal;
    }

    /// <summary>Keys in tmux's names: "Enter", "Escape", "Down", or literal text with -l.</summary>
    public void Send(params string[] keys) => Tmux(["send-keys", "-t", Session, .. keys]);

    public void Type(string text) => Tmux("send-keys", "-t", Session, "-l", text);

    public string Screen() => Tmux("capture-pane", "-p", "-t", Session);

    /// <summary>True once the program in the pane has exited.</summary>
    public bool Exited() => Tmux("display-message", "-p", "-t", Session, "#{pane_dead}").Trim() == "1";

    public Task<string> WaitForAsync(string text, string what) =>
        WaitForAsync(screen => screen.Contains(text, StringComparison.Ordinal), what);

    /// <summary>The first screen that satisfies <paramref name="shows"/>; fails after 30 s showing the last screen.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> shows, string what) =>
        await Eventually.GetAsync(
            () => Task.FromResult(Screen() is string screen && shows(screen) ? screen : null),
            what, TimeSpan.FromSeconds(30), Screen);

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

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

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
