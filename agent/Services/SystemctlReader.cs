using System.ComponentModel;
using System.Diagnostics;

namespace Warden.Agent.Services;

/// <summary>
/// Asks systemd for a unit's state by running "systemctl show UNIT --property=... --no-pager"
/// directly (no shell), with a time limit after which systemctl is killed. The executable is a
/// setting: a bare name is looked up on PATH, a path is run as given.
/// </summary>
internal sealed class SystemctlReader(string systemctl, TimeProvider time)
{
    public string Executable => systemctl;

    /// <summary>The arguments passed, in order (tests check them against a stand-in systemctl).</summary>
    public static string[] Arguments(string unit) => ["show", unit, "--property=" + UnitState.Properties, "--no-pager"];

    public async Task<UnitReading> ReadAsync(string unit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(systemctl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(unit))
        {
            start.ArgumentList.Add(argument);
        }
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process started");
        }
        catch (Win32Exception e)
        {
            return UnitReading.Failed($"could not run {systemctl}: {e.Message}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
            var stderr = process.StandardError.ReadToEndAsync(linked.Token);
            try
            {
                await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
                var output = await stdout.ConfigureAwait(false);
                var errors = await stderr.ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    return UnitReading.Failed($"{systemctl} show {unit} exited {process.ExitCode}: {FirstLine(errors)}");
                }
                return UnitStateParser.TryParse(output, out var state)
                    ? new UnitReading(state, "")
                    : UnitReading.Failed($"{systemctl} show {unit} printed no ActiveState/LoadState: {FirstLine(output)}");
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return UnitReading.Failed($"{systemctl} show {unit} did not answer within {timeout.TotalSeconds:0.#} s");
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var newline = line.IndexOf('\n');
        return (newline < 0 ? line : line[..newline]).ToString();
    }
}

/// <summary>The unit's state, or why there is none.</summary>
internal readonly record struct UnitReading(UnitState? State, string Problem)
{
    public static UnitReading Failed(string problem) => new(null, problem);
}
