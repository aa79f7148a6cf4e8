using System.Diagnostics;
using Warden.EndToEnd.Tests.Harness;

namespace Warden.EndToEnd.Tests;

/// <summary>packaging/systemd/warden-agent.service, checked by systemd's own tools.</summary>
public class SystemdUnitTests
{
    private static readonly string Shipped = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..",
        "packaging", "systemd", "warden-agent.service"));

    [Fact]
    public async Task The_shipped_unit_passes_systemd_analyze_verify_and_its_hardening_is_rated_ok()
    {
        using var dir = new ScratchDirectory();
        var unit = Installed(dir, File.ReadAllText(Shipped));
        Assert.Equal((0, ""), await RunAsync("systemd-analyze", "verify", unit));
        var (exit, output) = await RunAsync("systemd-analyze", "security", "--offline=yes", "--threshold=50", unit);
        Assert.True(exit == 0, output);

        var text = File.ReadAllText(Shipped);
        Assert.Contains("Type=notify", text, StringComparison.Ordinal);
        Assert.Contains("WatchdogSec=", text, StringComparison.Ordinal);
        Assert.Contains("StateDirectory=warden-agent", text, StringComparison.Ordinal);
        Assert.Contains("MemoryDenyWriteExecute=yes", text, StringComparison.Ordinal);
        Assert.Contains("Environment=DOTNET_GCgen0size=0x100000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_does_catch_a_broken_unit()
    {
        using var dir = new ScratchDirectory();
        var unit = Installed(dir, File.ReadAllText(Shipped).Replace("Type=notify", "Type=notfy", StringComparison.Ordinal));
        var (_, output) = await RunAsync("systemd-analyze", "verify", unit);
        Assert.Contains("notfy", output, StringComparison.Ordinal);
    }

    // A copy whose ExecStart is the agent this build produced: verify checks the binary exists.
    private static string Installed(ScratchDirectory dir, string text)
    {
        var agent = Path.ChangeExtension(ProgramUnderTest.Dll("warden-agent"), null);
        var path = dir.File("warden-agent.service");
        File.WriteAllText(path, text.Replace("/usr/bin/warden-agent", agent, StringComparison.Ordinal));
        return path;
    }

    private static async Task<(int, string)> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
